import { createReadStream } from 'node:fs';

export interface FileLine {
  /** 1-based physical line number. */
  line: number;
  /** Byte offset of the line's first byte. */
  byte: number;
  text: string;
}

/** Streams the lines of a file from a byte offset (which must start a line), splitting on '\n' only. */
export async function* readLines(path: string, start = 0, firstLine = 1): AsyncGenerator<FileLine> {
  let carry: Buffer = Buffer.alloc(0);
  let carryStart = start;
  let line = firstLine;
  for await (const chunk of createReadStream(path, { start })) {
    const buffer = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    let from = 0;
    for (let nl = buffer.indexOf(10, from); nl !== -1; nl = buffer.indexOf(10, from)) {
      yield { line: line++, byte: carryStart + from, text: buffer.toString('utf8', from, nl).replace(/\r$/, '') };
      from = nl + 1;
    }
    carry = buffer.subarray(from);
    carryStart += from;
  }
  if (carry.length > 0) yield { line, byte: carryStart, text: carry.toString('utf8').replace(/\r$/, '') };
}
