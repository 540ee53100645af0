using DevEx.Server.Api;
using DevEx.Server.Audit;
using DevEx.Server.Auth;
using DevEx.Server.Cli;
using DevEx.Server.Hosting;
using DevEx.Server.Mcp;
using DevEx.Server.Personal;
using DevEx.Server.Dashboards;
using DevEx.Server.Pages;
using DevEx.Server.Sync;

if (DevExCommandLine.IsCommand(args))
{
    return await DevExCommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(DevExCommandLine.ServeArguments(args));
builder.Configuration.AddProgramSettings().AddDevExSwitches(args);
builder.Services.AddDevEx().AddDevExScheduling(builder.Configuration).AddDevExAuth(builder.Configuration).AddDevExHardening().AddDevExMcp();

var app = builder.Build();
if (StartupConfiguration.Refuse(app.Services, Console.Error) || DatabaseOpenFailure.Refuse(app.Services, Console.Error))
{
    return 2;
}
app.UseDevExHardening();
app.UseDevExProblemDetails();
app.UseHeadAsGet();
app.UseDevExMcpChallenge();
app.UseDevExAuth();
app.UseDevExRequestGuards();
app.UseDevExAudit();
app.UseDevExScheduling();
app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(DevExPolicies.Reader);
app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" })).ExcludeFromDescription().AllowAnonymous();
app.MapSignIn();
app.MapDocs();
app.MapApi();
app.MapDashboards();
app.MapMyWeekPage();
app.MapDevExMcp();
app.Run();
return 0;

/// <summary>The entry point, public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
