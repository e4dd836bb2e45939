package io.stagewire.ocr.engine;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the panels of a colour other than the page's own — a discounter's yellow price box, a coloured offer band — so
 * that each can be read on its own.
 *
 * <p>Why: on a whole page Tesseract's layout analysis and its one global threshold lose large text on such a panel
 * (the market shop's {@code 9⁹⁹ €} and {@code EUR 12,-} on yellow, read neither as they are nor flattened), while the
 * panel cut out is two tones again and read right. A panel is made of 4-connected groups of solid {@value #BLOCK}×{@value
 * #BLOCK} blocks of one colour that is not the page's commonest (text never fills such a block, so a group's bounding
 * box spans the text on it), joined when they lie next to each other, at least {@value #MIN_BLOCKS} blocks in all.
 */
public final class ColourPanels {
    /** The flattener's blocks and colour bins: a panel is a background there. */
    static final int BLOCK = BackgroundFlattener.BLOCK;
    /** A panel of fewer blocks (a badge, a button) holds no price worth a reading of its own. */
    static final int MIN_BLOCKS = 24;
    /** Parts smaller than this (a speck of colour in a picture) are not joined into panels. */
    private static final int MIN_PART_BLOCKS = 2;
    /** A bound on the parts joined (quadratic): a photo's many colours must not make it costly. */
    private static final int MAX_PARTS = 256;
    private static final int NONE = -1;

    private ColourPanels() {
    }

    /** The panels, largest first, at most {@code max}; empty on a page of one background. */
    public static List<Box> find(RgbImage image, int max) {
        int columns = image.width() / BLOCK;
        int rows = image.height() / BLOCK;
        if (columns == 0 || rows == 0) {
            return List.of();
        }
        int[] colour = new int[columns * rows];
        int[] count = new int[1 << (3 * BackgroundFlattener.BITS)];
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                int bin = solidColour(image, column * BLOCK, row * BLOCK);
                colour[row * columns + column] = bin;
                if (bin != NONE) {
                    count[bin]++;
                }
            }
        }
        int page = 0;
        for (int bin = 1; bin < count.length; bin++) {
            if (count[bin] > count[page]) {
                page = bin;
            }
        }
        List<Group> groups = new ArrayList<>();
        boolean[] seen = new boolean[colour.length];
        int[] stack = new int[colour.length];
        for (int start = 0; start < colour.length; start++) {
            int bin = colour[start];
            if (seen[start] || bin == NONE || bin == page) {
                continue;
            }
            // Flood fill over blocks of the same colour, keeping the group's extent in blocks.
            int size = 0;
            int top = 0;
            int minColumn = columns;
            int maxColumn = 0;
            int minRow = rows;
            int maxRow = 0;
            stack[top++] = start;
            seen[start] = true;
            while (top > 0) {
                int block = stack[--top];
                size++;
                int row = block / columns;
                int column = block % columns;
                minColumn = Math.min(minColumn, column);
                maxColumn = Math.max(maxColumn, column);
                minRow = Math.min(minRow, row);
                maxRow = Math.max(maxRow, row);
                if (column > 0) {
                    top = push(block - 1, bin, colour, seen, stack, top);
                }
                if (column + 1 < columns) {
                    top = push(block + 1, bin, colour, seen, stack, top);
                }
                if (row > 0) {
                    top = push(block - columns, bin, colour, seen, stack, top);
                }
                if (row + 1 < rows) {
                    top = push(block + columns, bin, colour, seen, stack, top);
                }
            }
            if (size >= MIN_PART_BLOCKS && groups.size() < MAX_PARTS) {
                groups.add(new Group(bin, size, minColumn, minRow, maxColumn, maxRow));
            }
        }
        List<Box> panels = new ArrayList<>();
        for (Group group : mergeNeighbours(groups)) {
            if (group.blocks() >= MIN_BLOCKS) {
                panels.add(new Box(group.minColumn() * BLOCK, group.minRow() * BLOCK,
                        (group.maxColumn() - group.minColumn() + 1) * BLOCK, (group.maxRow() - group.minRow() + 1) * BLOCK));
            }
        }
        panels.sort(Comparator.comparingLong((Box box) -> (long) box.width() * box.height()).reversed());
        return panels.size() > max ? List.copyOf(panels.subList(0, max)) : List.copyOf(panels);
    }

    /**
     * Text running from edge to edge of a panel cuts its solid blocks into parts (a margin narrower than two blocks beside
     * lines of text is one); parts of one colour whose extents touch or overlap, give or take one block, are one panel.
     */
    private static List<Group> mergeNeighbours(List<Group> parts) {
        List<Group> groups = new ArrayList<>(parts);
        boolean merged = true;
        while (merged) {
            merged = false;
            for (int i = 0; i < groups.size() && !merged; i++) {
                for (int j = i + 1; j < groups.size() && !merged; j++) {
                    if (groups.get(i).touches(groups.get(j))) {
                        groups.set(i, groups.get(i).with(groups.remove(j)));
                        merged = true;
                    }
                }
            }
        }
        return groups;
    }

    /** Solid blocks of one colour and their extent, in blocks. */
    private record Group(int bin, int blocks, int minColumn, int minRow, int maxColumn, int maxRow) {
        boolean touches(Group other) {
            return bin == other.bin && minColumn <= other.maxColumn + 2 && other.minColumn <= maxColumn + 2
                    && minRow <= other.maxRow + 2 && other.minRow <= maxRow + 2;
        }

        Group with(Group other) {
            return new Group(bin, blocks + other.blocks, Math.min(minColumn, other.minColumn), Math.min(minRow, other.minRow),
                    Math.max(maxColumn, other.maxColumn), Math.max(maxRow, other.maxRow));
        }
    }

    private static int push(int block, int bin, int[] colour, boolean[] seen, int[] stack, int top) {
        if (!seen[block] && colour[block] == bin) {
            seen[block] = true;
            stack[top++] = block;
        }
        return top;
    }

    /** The block's quantised colour when every pixel of it has that colour, else {@link #NONE}. */
    private static int solidColour(RgbImage image, int left, int top) {
        ByteBuffer pixels = image.pixels();
        int bin = NONE;
        for (int y = top; y < top + BLOCK; y++) {
            for (int x = left; x < left + BLOCK; x++) {
                int at = (y * image.width() + x) * RgbImage.BYTES_PER_PIXEL;
                int here = BackgroundFlattener.quantise(pixels.get(at) & 0xff, pixels.get(at + 1) & 0xff, pixels.get(at + 2) & 0xff);
                if (bin == NONE) {
                    bin = here;
                } else if (here != bin) {
                    return NONE;
                }
            }
        }
        return bin;
    }
}
