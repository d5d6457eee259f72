// @ts-check
/**
 * A minimal Marionette client: Firefox's own remote protocol, a TCP socket carrying length-prefixed JSON
 * (`<bytes>:[0, id, "Command", params]`, answered by `<bytes>:[1, id, error, result]`). Firefox started with
 * `--marionette` and the pref `marionette.port: 0` listens on a free port and writes it to
 * `<profile>/MarionetteActivePort`. Commands run inside the session puppeteer opened over WebDriver BiDi: a
 * second `WebDriver:NewSession` is refused ("Maximum number of active sessions"), and none is needed.
 */
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

export class MarionetteError extends Error {
  /**
   * @param {string} command
   * @param {{ error: string, message: string }} failure
   */
  constructor(command, failure) {
    super(`Marionette ${command}: ${failure.error}: ${failure.message}`);
    this.name = 'MarionetteError';
    this.code = failure.error;
  }
}

export class MarionetteClient {
  /** @type {net.Socket} */
  #socket;
  /** @type {Buffer} */
  #buffer = Buffer.alloc(0);
  #nextId = 1;
  /** @type {Map<number, { resolve: (value: unknown) => void, reject: (error: Error) => void, command: string }>} */
  #pending = new Map();
  /** @type {Promise<unknown>} the server's greeting, `{ applicationType: 'gecko', marionetteProtocol: 3 }` */
  #greeting;

  /** @param {net.Socket} socket */
  constructor(socket) {
    this.#socket = socket;
    /** @type {(value: unknown) => void} */
    let greeted = () => {};
    this.#greeting = new Promise((resolve) => (greeted = resolve));
    let first = true;
    socket.on('data', (chunk) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      for (let message = this.#take(); message !== undefined; message = this.#take()) {
        if (first) {
          first = false;
          greeted(message);
        } else this.#settle(/** @type {[number, number, any, unknown]} */ (message));
      }
    });
    socket.on('close', () => {
      for (const { reject, command } of this.#pending.values()) {
        reject(new Error(`Marionette closed before answering ${command}`));
      }
      this.#pending.clear();
    });
  }

  /**
   * Connects to the Marionette server of the Firefox that uses `profileDir`.
   * @param {string} profileDir
   */
  static async connect(profileDir) {
    const port = Number((await readFile(path.join(profileDir, 'MarionetteActivePort'), 'utf8')).trim());
    if (!Number.isInteger(port) || port <= 0) throw new Error(`No Marionette port in ${profileDir}`);
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const client = new MarionetteClient(socket);
    await client.#greeting;
    return client;
  }

  /**
   * Sends one command and waits for its answer.
   * @param {string} command e.g. `WebAuthn:AddVirtualAuthenticator`
   * @param {Record<string, unknown>} [params]
   * @returns {Promise<any>}
   */
  send(command, params = {}) {
    const id = this.#nextId++;
    const body = Buffer.from(JSON.stringify([0, id, command, params]), 'utf8');
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, command });
      this.#socket.write(Buffer.concat([Buffer.from(`${body.length}:`, 'ascii'), body]));
    });
  }

  close() {
    this.#socket.end();
  }

  /** @returns {unknown} the next whole message in the buffer, or undefined */
  #take() {
    const colon = this.#buffer.indexOf(0x3a);
    if (colon < 0) return undefined;
    const length = Number(this.#buffer.subarray(0, colon).toString('ascii'));
    if (this.#buffer.length < colon + 1 + length) return undefined;
    const message = JSON.parse(this.#buffer.subarray(colon + 1, colon + 1 + length).toString('utf8'));
    this.#buffer = this.#buffer.subarray(colon + 1 + length);
    return message;
  }

  /** @param {[number, number, { error: string, message: string } | null, unknown]} message */
  #settle([, id, failure, result]) {
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    if (failure) pending.reject(new MarionetteError(pending.command, failure));
    // Marionette wraps a command's value as `{ value }`, like WebDriver's HTTP answers.
    else
      pending.resolve(
        result !== null && typeof result === 'object' && 'value' in result ? result.value : result,
      );
  }
}
