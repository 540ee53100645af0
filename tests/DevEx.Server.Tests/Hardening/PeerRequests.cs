using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace DevEx.Server.Tests.Hardening;

/// <summary>
/// Requests through the whole pipeline with the connection's peer address and scheme set, as Kestrel sets them from the
/// socket: how a test is a client on another machine, or a reverse proxy, without leaving 127.0.0.1.
/// </summary>
internal static class PeerRequests
{
    public static Task<HttpContext> GetAsync(this TestServer server, string path, string peer, IReadOnlyDictionary<string, string>? headers = null,
        bool https = false) =>
        server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Get;
            context.Request.Path = path;
            context.Request.Scheme = https ? "https" : "http";
            context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                context.Request.Headers[name] = value;
            }
        });
}
