namespace DevEx.Server.Hosting;

/// <summary>
/// HEAD is answered as GET is, without the body: uptime checks (and <c>curl -I</c>) use it. Endpoints map GET only, so a
/// HEAD request is routed as a GET with its body written to nowhere; routing therefore runs after this, not before
/// everything as the host would place it.
/// </summary>
internal static class HeadRequests
{
    public static WebApplication UseHeadAsGet(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next(context);
                return;
            }
            var body = context.Response.Body;
            context.Request.Method = HttpMethods.Get;
            context.Response.Body = Stream.Null;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = body;
                context.Request.Method = HttpMethods.Head;
            }
        });
        app.UseRouting();
        return app;
    }
}
