using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace DevEx.Server.Tests.Hardening;

/// <summary>
/// An HTTP/1.1 POST written by hand on a socket, its body sent part by part while the answer is awaited, so a test can
/// tell whether the server answered before it had the whole body (without reading the rest).
/// </summary>
internal static class RawHttp
{
    /// <summary>The answer's status code; sending stops once the status line has arrived.</summary>
    public static async Task<int> PostAsync(Uri server, string path, IReadOnlyDictionary<string, string> headers, IEnumerable<byte[]> bodyParts)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(server.Host, server.Port);
        var stream = socket.GetStream();
        var head = new StringBuilder($"POST {path} HTTP/1.1\r\nHost: {server.Host}:{server.Port}\r\nContent-Type: application/json\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
        var status = ReadStatusAsync(stream);
        try
        {
            foreach (var part in bodyParts)
            {
                if (status.IsCompleted)
                {
                    break;
                }
                await stream.WriteAsync(part);
            }
        }
        catch (IOException)
        {
            // The server closed the connection after answering: the answer is what counts.
        }
        return await status.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>A chunked body (Transfer-Encoding: chunked) of <paramref name="chunks"/> chunks of <paramref name="chunkBytes"/> bytes.</summary>
    public static IEnumerable<byte[]> Chunked(int chunks, int chunkBytes)
    {
        var data = new byte[chunkBytes];
        Array.Fill(data, (byte)'x');
        var frame = Encoding.ASCII.GetBytes($"{chunkBytes:x}\r\n").Concat(data).Concat("\r\n"u8.ToArray()).ToArray();
        for (var i = 0; i < chunks; i++)
        {
            yield return frame;
        }
        yield return "0\r\n\r\n"u8.ToArray();
    }

    private static async Task<int> ReadStatusAsync(NetworkStream stream)
    {
        var answer = new byte[12]; // "HTTP/1.1 413"
        var read = 0;
        while (read < answer.Length)
        {
            var n = await stream.ReadAsync(answer.AsMemory(read));
            if (n == 0)
            {
                throw new IOException($"The server closed the connection after {read} bytes of its answer.");
            }
            read += n;
        }
        return int.Parse(Encoding.ASCII.GetString(answer, 9, 3), CultureInfo.InvariantCulture);
    }
}
