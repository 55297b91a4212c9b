package dev.scoreline.plugins.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a notification as the Standard Webhooks specification says (standardwebhooks.com): the
 * HMAC-SHA256 of {@code "<webhook-id>.<webhook-timestamp>.<body>"}, sent base64-encoded as
 * {@code webhook-signature: v1,<signature>}. A secret written {@code whsec_<base64>} is the base64
 * of the key, as the specification serialises it; any other secret is used as its UTF-8 bytes.
 *
 * <p>The secret is never part of a message or of {@link #toString()}.
 */
public final class WebhookSignature {

    private static final String PREFIX = "whsec_";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    private WebhookSignature(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /**
     * @throws IllegalArgumentException when the secret is empty or its {@code whsec_} form is not
     *         base64; the message never repeats the secret
     */
    public static WebhookSignature of(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("must not be empty");
        }
        byte[] key;
        if (secret.startsWith(PREFIX)) {
            try {
                key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("starts with " + PREFIX + " but the rest is not base64"
                        + " (a Standard Webhooks secret is " + PREFIX + " and the base64 of the key)");
            }
            if (key.length == 0) {
                throw new IllegalArgumentException("has nothing after " + PREFIX);
            }
        } else {
            key = secret.getBytes(StandardCharsets.UTF_8);
        }
        return new WebhookSignature(key);
    }

    /** The {@code webhook-signature} header's value for one attempt: {@code v1,<base64 HMAC-SHA256>}. */
    public String sign(String id, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] signed = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            // Every Java runtime has HmacSHA256; an error here is the platform's, not the user's.
            throw new IllegalStateException("HmacSHA256 is not available: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSignature[secret hidden]";
    }
}
