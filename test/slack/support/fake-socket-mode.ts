import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/** The GUID that RFC 6455 has the server append to Sec-WebSocket-Key before hashing it into Sec-WebSocket-Accept. */
const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

const OPCODE_TEXT = 0x1;
const OPCODE_CLOSE = 0x8;
const OPCODE_PING = 0x9;
const OPCODE_PONG = 0xa;

/**
 * The server side of Slack's Socket Mode on loopback: a minimal RFC 6455 WebSocket endpoint that sends
 * `hello`, delivers envelopes and records the app's acknowledgements. It handles unfragmented frames
 * only, which is all the Socket Mode client sends.
 */
export class FakeSocketMode {
  /** Messages the app sent: acknowledgements `{ envelope_id, payload }`. */
  readonly received: Record<string, unknown>[] = [];
  private socket?: Duplex;
  private buffer = Buffer.alloc(0);

  get connected(): boolean {
    return this.socket !== undefined && !this.socket.destroyed;
  }

  /** Completes the WebSocket handshake of an HTTP upgrade request and greets the client as Slack does. */
  accept(request: IncomingMessage, socket: Duplex): void {
    const key = String(request.headers['sec-websocket-key'] ?? '');
    const accept = createHash('sha1').update(key + WEBSOCKET_GUID).digest('base64');
    socket.write(['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${accept}`, '', ''].join('\r\n'));
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => socket.destroy());
    this.send({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A1' } });
  }

  /** Delivers one envelope, as Slack does for a slash command or a button click. */
  deliver(envelope: Record<string, unknown>): void {
    this.send(envelope);
  }

  close(): void {
    this.socket?.destroy();
  }

  private send(message: unknown): void {
    this.writeFrame(OPCODE_TEXT, Buffer.from(JSON.stringify(message), 'utf8'));
  }

  private writeFrame(opcode: number, payload: Buffer): void {
    if (!this.connected) return;
    let header: Buffer;
    if (payload.length < 126) {
      header = Buffer.from([0x80 | opcode, payload.length]);
    } else if (payload.length < 65_536) {
      header = Buffer.alloc(4);
      header[0] = 0x80 | opcode;
      header[1] = 126;
      header.writeUInt16BE(payload.length, 2);
    } else {
      header = Buffer.alloc(10);
      header[0] = 0x80 | opcode;
      header[1] = 127;
      header.writeBigUInt64BE(BigInt(payload.length), 2);
    }
    this.socket!.write(Buffer.concat([header, payload]));
  }

  /** Parses client frames, which RFC 6455 requires to be masked. */
  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (this.buffer.length < 2) return;
      const opcode = this.buffer[0] & 0x0f;
      const masked = (this.buffer[1] & 0x80) !== 0;
      let length = this.buffer[1] & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (this.buffer.length < 4) return;
        length = this.buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (this.buffer.length < 10) return;
        length = Number(this.buffer.readBigUInt64BE(2));
        offset = 10;
      }
      const maskLength = masked ? 4 : 0;
      if (this.buffer.length < offset + maskLength + length) return;
      const mask = this.buffer.subarray(offset, offset + maskLength);
      const payload = Buffer.from(this.buffer.subarray(offset + maskLength, offset + maskLength + length));
      if (masked) for (let index = 0; index < payload.length; index += 1) payload[index] ^= mask[index % 4];
      this.buffer = this.buffer.subarray(offset + maskLength + length);
      this.onFrame(opcode, payload);
    }
  }

  private onFrame(opcode: number, payload: Buffer): void {
    if (opcode === OPCODE_TEXT) this.received.push(JSON.parse(payload.toString('utf8')) as Record<string, unknown>);
    else if (opcode === OPCODE_PING) this.writeFrame(OPCODE_PONG, payload);
    else if (opcode === OPCODE_CLOSE) {
      this.writeFrame(OPCODE_CLOSE, payload);
      this.socket?.end();
    }
  }
}
