// Checks the peer with the real socket.io-client 4.8: subscribe, receive one published event.
"use strict";
const { io } = require("socket.io-client");
const port = Number(process.argv[2] || 18100);
const socket = io(`http://127.0.0.1:${port}`, { transports: ["websocket"] });
const timer = setTimeout(() => { console.error("timeout"); process.exit(1); }, 10000);
socket.on("connect", () => socket.emit("subscribe", "job:smoke-0"));
socket.on("subscribed", async (s) => {
  console.log("subscribed", JSON.stringify(s));
  await fetch(`http://127.0.0.1:${port}/publish`, { method: "POST",
    body: JSON.stringify({ rate: 1, duration: 1, jobs: [["smoke-0", 0]], users: ["u0", "u1"] }) });
});
socket.on("job:progress", (m) => {
  console.log("event", JSON.stringify(m), "bytes", JSON.stringify(m).length);
  clearTimeout(timer); socket.close();
});
