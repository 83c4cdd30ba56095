/**
 * Bearer-token check for write endpoints. The token is compared in constant time; a server
 * started without a token refuses every write, rather than accepting anyone's.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MarsadError } from '../core/errors.js';

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** A preHandler that requires `Authorization: Bearer <token>`. */
export function requireToken(token: string | undefined) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    void reply.header('www-authenticate', 'Bearer realm="marsad"');
    if (!token) {
      throw new MarsadError('UNAUTHORIZED', 'Writes are disabled on this server: start it with MARSAD_TOKEN set.');
    }
    const header = request.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)\s*$/iu.exec(header);
    if (!m) throw new MarsadError('UNAUTHORIZED', 'This endpoint needs an Authorization: Bearer <token> header.');
    if (!timingSafeEqual(digest(m[1]), digest(token))) throw new MarsadError('UNAUTHORIZED', 'The bearer token is not valid.');
  };
}
