using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace DevEx.Server.Webhooks;

internal enum WebhookBodyOutcome
{
    Verified,
    SignatureMismatch,
    TooLarge,
}

/// <summary>
/// Reads a delivery's body once, as a stream, through HMAC-SHA256 (<see cref="IncrementalHash"/> over one pooled buffer),
/// so a forged or unsigned body is never held: unsigned ones are refused before a byte is read, a body over GitHub's
/// 25 MB before it is read when Content-Length says so and by counting when it is chunked. What was read is kept in a
/// small memory buffer that spills to a temporary file (deleted with it), and handed out only once the signature matches.
/// </summary>
internal static class WebhookBody
{
    /// <summary>GitHub caps a delivery's payload at 25 MB.</summary>
    public const long MaxBytes = 25L << 20;

    private const int MemoryThreshold = 256 << 10;

    private const int ChunkBytes = 64 << 10;

    public static async Task<(WebhookBodyOutcome Outcome, byte[] Body)> ReadVerifiedAsync(HttpRequest request, string secret, byte[] signature,
        CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (WebhookBodyOutcome.TooLarge, []);
        }
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        await using var kept = new FileBufferingWriteStream(MemoryThreshold);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        long length = 0;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken)) > 0)
            {
                length += read;
                if (length > MaxBytes)
                {
                    return (WebhookBodyOutcome.TooLarge, []);
                }
                hmac.AppendData(chunk, 0, read);
                await kept.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            }
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (WebhookBodyOutcome.TooLarge, []); // Kestrel's own count of a chunked body
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        if (!CryptographicOperations.FixedTimeEquals(hmac.GetHashAndReset(), signature))
        {
            return (WebhookBodyOutcome.SignatureMismatch, []);
        }
        var body = new byte[length];
        await kept.DrainBufferAsync(new MemoryStream(body), cancellationToken);
        return (WebhookBodyOutcome.Verified, body);
    }
}
