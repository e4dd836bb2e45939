// Socket.IO 4.8 peer for the progress-gateway benchmark (see ../README.md).
//
// Rooms per channel ("job:<id>", "user:<sub>"): a client emits "subscribe" with the channel name,
// joins the room and gets "subscribed" back. POST /publish {rate, duration, type ("job:progress" or
// "ocr:progress"), jobs:[[id, ownerIndex]...],
// users:[sub0, sub1]} emits `rate` events/s round-robin over the jobs for `duration` seconds, each to
// the job's room and to its owner's user room, with the same JSON shape and size as the gateway's
// frames (sentAt in microseconds inside data). Listens on 127.0.0.1 only.
//
//   node socketio-server.js [port]        (default 18100)
"use strict";
const http = require("http");
const { Server } = require("socket.io");

const port = Number(process.argv[2] || 18100);
const httpServer = http.createServer((req, res) => {
  if (req.method === "POST" && req.url === "/publish") {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      let spec;
      try {
        spec = JSON.parse(body);
      } catch (e) {
        res.writeHead(400).end(String(e));
        return;
      }
      publish(spec, (sent) => {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ sent }));
      });
    });
    return;
  }
  if (req.url === "/stats") {
    res.writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ connections: io.engine.clientsCount, rss: process.memoryUsage().rss }));
    return;
  }
  res.writeHead(404).end();
});

const io = new Server(httpServer, {
  transports: ["websocket"],
  serveClient: false,
  perMessageDeflate: false,
  pingInterval: 25000,
  pingTimeout: 20000,
});

io.on("connection", (socket) => {
  socket.on("subscribe", (channel) => {
    if (typeof channel !== "string" || !/^(job|user):[A-Za-z0-9._:-]{1,255}$/.test(channel)) {
      socket.emit("error-frame", { code: "bad_request", channel });
      return;
    }
    socket.join(channel);
    socket.emit("subscribed", { channel, position: null, recovered: true });
  });
});

function pad(n, width) {
  return String(n).padStart(width, "0");
}

// Emits spec.rate events/s for spec.duration seconds (bounded: at most rate*duration events and
// duration+10 seconds), then calls done(sent).
function publish(spec, done) {
  const rate = Math.max(1, Number(spec.rate));
  const duration = Math.min(180, Math.max(1, Number(spec.duration)));
  const type = spec.type === "ocr:progress" ? "ocr:progress" : "job:progress";
  const jobs = spec.jobs;
  const users = spec.users;
  const total = rate * duration;
  const start = process.hrtime.bigint();
  const startMs = Date.now();
  const deadline = startMs + (duration + 10) * 1000;
  let sent = 0;
  const partitions = 12;
  const offsets = new Array(partitions).fill(100000);
  function tick() {
    const elapsedNs = Number(process.hrtime.bigint() - start);
    const due = Math.min(total, Math.floor((elapsedNs * rate) / 1e9));
    while (sent < due) {
      const k = sent % jobs.length;
      const [jobId, owner] = jobs[k];
      const partition = k % partitions;
      const offset = offsets[partition]++;
      const nowUs = Math.round((performance.timeOrigin + performance.now()) * 1000);
      const progress = Math.floor(sent / jobs.length) % 1000 / 10;
      const data = type === "ocr:progress"
        ? { screenshotId: "s" + (sent % 100), progress, sentAt: nowUs }
        : { progress, sentAt: nowUs };
      const time = new Date(nowUs / 1000).toISOString();
      const id = "bench-e" + sent;
      // Same fields (and so about the same size) as the gateway's event frame on each channel.
      io.to("job:" + jobId).emit(type, {
        type, channel: "job:" + jobId, jobId, id,
        position: partition + "-" + offset, time, data,
      });
      const userPosition = "U" + offsets.map((o) => "." + o.toString(36)).join("");
      io.to("user:" + users[owner]).emit(type, {
        type, channel: "user:" + users[owner], jobId, id,
        position: userPosition, time, data,
      });
      sent++;
    }
    if (sent >= total || Date.now() > deadline) {
      done(sent);
    } else {
      setTimeout(tick, 1);
    }
  }
  tick();
}

httpServer.listen(port, "127.0.0.1", () => {
  console.log(`socket.io ${JSON.parse(require("fs").readFileSync(__dirname + "/node_modules/socket.io/package.json")).version} peer on 127.0.0.1:${port} pid ${process.pid}`);
});
