package io.stagewire.data.files;

import io.stagewire.data.StorageException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Files in the {@code files} table; Postgres computes {@code size_bytes} and {@code sha256} (docs/storage.md). */
@ApplicationScoped
public class PostgresFileStore implements FileStore {

    private static final String INSERT = """
            insert into files (id, user_id, job_id, kind, content_type, file_name, data)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do nothing""";
    // Owner and size are compared in the query, so another user's or too large a file's bytes never leave Postgres.
    private static final String SELECT_OWNED = """
            select user_id = ?, octet_length(data), case when user_id = ? and octet_length(data) <= ? then data end
              from files where id = ?""";

    private final DataSource dataSource;

    PostgresFileStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void storeIfAbsent(List<NewFile> files) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (NewFile file : files) {
                    insert.setString(1, file.id());
                    insert.setString(2, file.userId());
                    insert.setString(3, file.jobId());
                    insert.setString(4, file.kind().column());
                    insert.setString(5, file.contentType());
                    insert.setString(6, file.fileName());
                    insert.setBytes(7, file.data());
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw StorageException.of("cannot store files " + files.stream().map(NewFile::id).toList(), e);
        }
    }

    @Override
    public Optional<byte[]> head(String fileId, int length) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select substring(data from 1 for ?) from files where id = ?")) {
            select.setInt(1, length);
            select.setString(2, fileId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw StorageException.of("cannot look up file " + fileId, e);
        }
    }

    @Override
    public OwnedFile readOwned(String fileId, String ownerId, long maxBytes) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(SELECT_OWNED)) {
            select.setString(1, ownerId);
            select.setString(2, ownerId);
            select.setLong(3, maxBytes);
            select.setString(4, fileId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || !row.getBoolean(1)) {
                    return new OwnedFile.Missing();
                }
                byte[] data = row.getBytes(3);
                return data == null ? new OwnedFile.TooLarge(row.getLong(2)) : new OwnedFile.Found(data);
            }
        } catch (SQLException e) {
            throw StorageException.of("cannot read file " + fileId, e);
        }
    }
}
