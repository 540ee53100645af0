using System.Text;
using DevEx.Store.Rows;

namespace DevEx.Collectors.RepositoryFiles;

/// <summary>
/// A blob's bytes as stored text: UTF-8 (a byte-order mark dropped) up to the size cap; a larger blob, or one that is
/// not UTF-8 text (a NUL byte, invalid sequences), is kept with its size and the reason, without content.
/// </summary>
public static class RepositoryFileContent
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string OverCap(long cap) => $"over the size cap of {cap} bytes ({RepositoryFilesOptions.Section}:MaxFileBytes)";

    public const string NotText = "not UTF-8 text";

    /// <summary>The row for a blob of <paramref name="size"/> bytes; <paramref name="bytes"/> is read only when it is within the cap.</summary>
    public static RepositoryFileContentRow Row(string blobSha, long size, long cap, Func<byte[]> bytes)
    {
        if (size > cap)
        {
            return new RepositoryFileContentRow(blobSha, size, null, OverCap(cap));
        }
        var data = bytes();
        if (Array.IndexOf(data, (byte)0) >= 0)
        {
            return new RepositoryFileContentRow(blobSha, size, null, NotText);
        }
        try
        {
            var text = Strict.GetString(data);
            return new RepositoryFileContentRow(blobSha, size, text.StartsWith('\uFEFF') ? text[1..] : text, null);
        }
        catch (DecoderFallbackException)
        {
            return new RepositoryFileContentRow(blobSha, size, null, NotText);
        }
    }
}
