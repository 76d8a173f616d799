// Exits 0 when the Redis at REDIS_URL answers PING within 2 s.
import net from "node:net";

const url = new URL(process.env.REDIS_URL || "redis://127.0.0.1:6379");
const socket = net.connect({ host: url.hostname || "127.0.0.1", port: Number(url.port || 6379) });
const fail = () => {
  socket.destroy();
  process.exit(1);
};
socket.setTimeout(2000, fail);
socket.on("error", fail);
socket.on("connect", () => {
  if (url.password) socket.write(`AUTH ${decodeURIComponent(url.password)}\r\n`);
  socket.write("PING\r\n");
});
let seen = "";
socket.on("data", (d) => {
  seen += d.toString();
  if (seen.includes("+PONG")) {
    socket.end();
    process.exit(0);
  }
  if (seen.includes("-NOAUTH") || seen.includes("-ERR")) fail();
});
