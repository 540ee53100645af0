namespace DevEx.Server.Hosting;

internal static class ProblemDetailsSetup
{
    /// <summary>Unhandled errors and bare status codes become RFC 7807 problem details; stack traces stay in the log.</summary>
    public static WebApplication UseDevExProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
