using DevEx.Store;
using Microsoft.AspNetCore.Diagnostics;

namespace DevEx.Server.Hosting;

/// <summary>
/// A full disk answers 507 Insufficient Storage with a problem naming the disk, instead of a bare 500: the database's
/// disk (<see cref="DiskFullException"/>, the write rolled back) or the temporary folder an import spools its body to.
/// The service stays up; the request can be retried once space is freed.
/// </summary>
internal sealed class DiskFullProblems(IProblemDetailsService problems, ILogger<DiskFullProblems> logger) : IExceptionHandler
{
    // ENOSPC: .NET's IOException for it carries the errno as its HResult on Linux.
    private const int NoSpaceLeftOnDevice = 28;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var detail = exception switch
        {
            DiskFullException full => full.Message,
            IOException io when io.HResult == NoSpaceLeftOnDevice =>
                $"The disk holding the temporary folder ({Path.GetTempPath()}) is full: nothing of this request was written. Free space there and try again.",
            _ => null,
        };
        if (detail is null)
        {
            return false;
        }
        logger.LogError(exception, "Disk full: {Detail}", detail);
        httpContext.Response.StatusCode = StatusCodes.Status507InsufficientStorage;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status507InsufficientStorage, Title = "The disk is full", Detail = detail },
        });
    }
}
