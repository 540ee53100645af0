using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime.Text;

namespace DevEx.SampleOrg;

/// <summary>
/// Writes a fictional organisation in the import format: catalog, repositories, commits, pull requests, CI runs,
/// deployments, incidents and tickets, shaped like real delivery data and full of the edge cases the metrics must handle.
/// The same options always give byte-identical files. Teams are generated one after another and records are
/// streamed to disk, so memory stays flat however large the organisation.
/// </summary>
public sealed class SampleOrganisationGenerator
{
    public SampleOrganisationSummary Write(string outputDirectory, SampleOrganisationOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Directory.CreateDirectory(outputDirectory);

        var organisation = OrganisationPlanner.Plan(options);
        CatalogWriter.Write(Path.Combine(outputDirectory, "catalog"), organisation);
        WriteSettings(Path.Combine(outputDirectory, "generator.json"), options);

        var projects = TicketSimulation.ProjectKeys(organisation.Teams);
        var ticketTransitions = 0;
        var ids = new SampleIds();
        using var output = new SampleOutput(outputDirectory);
        foreach (var repository in organisation.Teams.SelectMany(t => t.Repositories))
        {
            output.Write(repository);
        }
        output.Write(OrganisationHierarchy.PlatformRepository);
        var fileVersions = RepositoryFilesWriter.Write(Path.Combine(outputDirectory, "repository_files.ndjson"), organisation,
            PlatformAdoption.Plan(organisation));
        foreach (var team in organisation.Teams)
        {
            // Tickets first: feature pull requests name the tickets their authors were working on.
            var board = new TicketBoard(SamplePrng.For(options.Seed, "ticket-links", team.Index));
            var tickets = SamplePrng.For(options.Seed, "tickets", team.Index);
            ticketTransitions += new TicketSimulation(organisation, team, projects[team.Index], tickets).Run(output, board);
            var work = WorkPlanner.Plan(organisation, team, SamplePrng.For(options.Seed, "work", team.Index), board);
            var risk = new DeploymentRisk(team.Profile, SamplePrng.For(options.Seed, "risk", team.Index));
            for (var r = 0; r < team.Repositories.Count; r++)
            {
                var rng = SamplePrng.For(options.Seed, $"repository/{team.Index}", r);
                new RepositorySimulation(organisation, team, team.Repositories[r], rng, ids, output, risk).Run(work[r]);
            }
        }
        var (calendars, calendarEvents) = new CalendarSimulation(organisation).Write(Path.Combine(outputDirectory, "calendars"));
        return new SampleOrganisationSummary(
            organisation.Teams.Count, organisation.Teams.Sum(t => t.Members.Count), output.Repositories, output.Commits,
            output.PullRequests, output.PipelineRuns, output.Deployments, output.Incidents, output.Tickets, ticketTransitions,
            calendars, calendarEvents, fileVersions);
    }

    // The options that produced the sample, so anyone can regenerate it.
    private static void WriteSettings(string path, SampleOrganisationOptions options)
    {
        using var file = File.Create(path);
        using (var json = new Utf8JsonWriter(file, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("seed", options.Seed);
            json.WriteNumber("teams", options.Teams);
            json.WriteNumber("weeks", options.Weeks);
            json.WriteNumber("engineersPerTeam", options.EngineersPerTeam);
            json.WriteString("until", LocalDatePattern.Iso.Format(options.EffectiveUntil));
            json.WriteEndObject();
        }
        file.WriteByte((byte)'\n');
    }
}
