package dev.scoreline.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and refuses bad bytes instead of replacing them, but unlike InputStreamReader it
 * first hands out everything decoded before the bad bytes, so a reader loses only what follows them.
 */
public final class StrictUtf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private boolean eof;
    private boolean done;
    private CharacterCodingException pending;

    public StrictUtf8Reader(InputStream in) {
        this.in = in;
        bytes.flip();
    }

    @Override
    public int read(char[] target, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (done) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(target, off, len);
        while (true) {
            int count = out.position() - off;
            if (pending != null) {
                if (count > 0) {
                    return count;
                }
                throw pending;
            }
            CoderResult result = decoder.decode(bytes, out, eof);
            count = out.position() - off;
            if (result.isError()) {
                pending = new CharacterCodingException() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public String getMessage() {
                        return "bytes that are not UTF-8";
                    }
                };
                continue;
            }
            if (result.isOverflow()) {
                return count;
            }
            if (eof) {
                decoder.flush(out);
                done = true;
                count = out.position() - off;
                return count > 0 ? count : -1;
            }
            if (count > 0) {
                return count;  // hand out what there is rather than block for more
            }
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
