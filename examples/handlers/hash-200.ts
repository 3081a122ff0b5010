// An example --handler: hash the body 200 times with SHA-256, each round over the body and the last
// digest, as a password or signature check does. CPU per request grows with the body's size.
import { createHash } from 'node:crypto';

const ROUNDS = 200;

export default function hash200({ body }: { clientId: number; body: Uint8Array | null }): {
  rounds: number;
  bytes: number;
  sha256: string;
} {
  const bytes = body ?? new Uint8Array(0);
  let digest = Buffer.alloc(0);
  for (let round = 0; round < ROUNDS; round++) digest = createHash('sha256').update(bytes).update(digest).digest();
  return { rounds: ROUNDS, bytes: bytes.byteLength, sha256: digest.toString('hex') };
}
