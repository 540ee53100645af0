using NodaTime;

namespace DevEx.SampleOrg;

/// <summary>
/// Every catalogued person's calendar (calendars/&lt;email&gt;.ics), shaped like a real Google/Outlook export: per team a
/// daily stand-up, a fortnightly planning and weekly 1:1s (RRULEs in the team's IANA zone, so they keep their local
/// time across DST changes), a monthly all-hands at one UTC time for the whole organisation (odd local hours for some,
/// who decline), ad-hoc meetings of log-normal length across teams, out-of-office days (all-day, transparent), a focus
/// block held alone, moved (RECURRENCE-ID override) and cancelled (EXDATE, STATUS:CANCELLED override) instances, and
/// declined and tentative answers on the person's own ATTENDEE line. A shared meeting is written once and copied into
/// every attendee's file, so it has the same UID everywhere. Nothing depends on today's date.
/// </summary>
internal sealed class CalendarSimulation
{
    private const string UidDomain = "calendar.devex.sample";
    private const string Prodid = "-//DevEx//Sample organisation generator//EN";

    private readonly SampleOrganisation organisation;
    private readonly int seed;
    private readonly Dictionary<string, IcsWriter> files = new(StringComparer.Ordinal);
    private readonly List<SamplePerson> people = [];
    private readonly Instant stamp;
    private readonly string until;
    private int events;

    public CalendarSimulation(SampleOrganisation organisation)
    {
        this.organisation = organisation;
        seed = organisation.Seed;
        stamp = organisation.Until;
        until = IcsWriter.UtcText(organisation.Until);
        foreach (var person in organisation.Teams.SelectMany(t => t.Members).Where(m => m.InCatalog))
        {
            if (!files.ContainsKey(person.Email))
            {
                people.Add(person);
                files[person.Email] = Header(person);
            }
        }
    }

    /// <summary>Writes one file per catalogued person; returns (files, distinct VEVENTs).</summary>
    public (int Calendars, int Events) Write(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var team in organisation.Teams)
        {
            TeamMeetings(team, SamplePrng.For(seed, "calendar", team.Index));
        }
        AllHands(SamplePrng.For(seed, "calendar-all-hands"));
        foreach (var team in organisation.Teams)
        {
            var rng = SamplePrng.For(seed, "calendar-personal", team.Index);
            foreach (var person in Catalogued(team))
            {
                Personal(team, person, rng);
            }
            AdHoc(team, SamplePrng.For(seed, "calendar-ad-hoc", team.Index));
        }
        foreach (var person in people)
        {
            var writer = files[person.Email];
            writer.Line("END:VCALENDAR");
            File.WriteAllText(Path.Combine(directory, person.Email + ".ics"), writer.ToString());
        }
        return (people.Count, events);
    }

    private static List<SamplePerson> Catalogued(SampleTeam team) => team.Members.Where(m => m.InCatalog).ToList();

    private static IcsWriter Header(SamplePerson person) => new IcsWriter()
        .Line("BEGIN:VCALENDAR")
        .Line("VERSION:2.0")
        .Line($"PRODID:{Prodid}")
        .Line("CALSCALE:GREGORIAN")
        .Line("METHOD:PUBLISH")
        .Text("X-WR-CALNAME", person.Email)
        .Line($"X-WR-TIMEZONE:{person.Hours.ZoneId}");

    private void TeamMeetings(SampleTeam team, SamplePrng rng)
    {
        var members = Catalogued(team);
        if (members.Count == 0)
        {
            return;
        }
        var lead = members[0];
        var zone = team.Hours.ZoneId;
        var start = organisation.StartDate;
        var everyone = members.Select((m, i) => (m, i == 0 ? "ACCEPTED" : rng.Chance(0.05) ? "TENTATIVE" : "ACCEPTED")).ToList();

        // Stand-up: 15 min every weekday; one day excluded (EXDATE), one cancelled override, one moved later that day.
        var standup = start + team.Hours.Start.PlusMinutes(30);
        var twoWeeks = organisation.Weeks >= 2;
        var cancelled = standup.PlusDays(4);
        var excluded = standup.PlusDays(twoWeeks ? 9 : 2);
        var moved = standup.PlusDays(twoWeeks ? 10 : 3);
        var uid = $"standup-{team.Name}@{UidDomain}";
        var e = Event(uid, $"Daily stand-up ({team.Title})", zone, standup, Period.FromMinutes(15), lead, everyone);
        e.Line($"RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL={until}");
        e.Zoned("EXDATE", zone, excluded);
        End(e, everyone);
        var c = Event(uid, $"Daily stand-up ({team.Title})", zone, cancelled, Period.FromMinutes(15), lead, everyone, sequence: 1);
        c.Zoned("RECURRENCE-ID", zone, cancelled);
        c.Line("STATUS:CANCELLED");
        End(c, everyone);
        var m = Event(uid, $"Daily stand-up ({team.Title}, moved)", zone, moved.PlusMinutes(90), Period.FromMinutes(15), lead, everyone, sequence: 1);
        m.Zoned("RECURRENCE-ID", zone, moved);
        End(m, everyone);

        // Planning: an hour every other Monday; the second member is never sure they can make it.
        var planning = everyone.Select((a, i) => (a.m, i == 1 ? "TENTATIVE" : a.Item2)).ToList();
        var p = Event($"planning-{team.Name}@{UidDomain}", $"Sprint planning ({team.Title})", zone,
            start + team.Hours.Start.PlusHours(1), Period.FromHours(1), lead, planning);
        p.Line($"RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;UNTIL={until}");
        End(p, planning);

        // 1:1s: the lead with each other member, 30 min weekly, spread over the week.
        string[] days = ["MO", "TU", "WE", "TH", "FR"];
        for (var i = 1; i < members.Count; i++)
        {
            var pair = new List<(SamplePerson, string)> { (lead, "ACCEPTED"), (members[i], "ACCEPTED") };
            var day = (i - 1) % 5;
            var local = start.PlusDays(day) + team.Hours.Start.PlusHours(2).PlusMinutes(30 * ((i - 1) / 5));
            var o = Event($"one-on-one-{team.Name}-{i}@{UidDomain}", $"1:1 {lead.Name} / {members[i].Name}", zone,
                local, Period.FromMinutes(30), lead, pair);
            o.Line($"RRULE:FREQ=WEEKLY;BYDAY={days[day]};UNTIL={until}");
            End(o, pair);
        }
    }

    /// <summary>
    /// Monthly, first Thursday 16:00 UTC for everyone: an evening in Kolkata, early morning in Auckland (most decline).
    /// Invited through a list address, so each copy names the organiser, the list and its owner only.
    /// </summary>
    private void AllHands(SamplePrng rng)
    {
        if (people.Count == 0)
        {
            return;
        }
        var organiser = people[0];
        var first = new LocalDate(organisation.StartDate.Year, organisation.StartDate.Month, 1);
        while (first.DayOfWeek != IsoDayOfWeek.Thursday)
        {
            first = first.PlusDays(1);
        }
        var start = first + new LocalTime(16, 0);
        var instant = start.InUtc().ToInstant();
        var list = "all-hands@" + organiser.Email[(organiser.Email.IndexOf('@') + 1)..];
        events++;
        foreach (var person in people)
        {
            var local = instant.InZone(person.Hours.Zone).TimeOfDay;
            var odd = local < person.Hours.Start || local >= person.Hours.End;
            var status = person == organiser ? "ACCEPTED"
                : odd ? (rng.Chance(0.7) ? "DECLINED" : "TENTATIVE")
                : rng.Chance(0.1) ? "DECLINED" : rng.Chance(0.1) ? "TENTATIVE" : "ACCEPTED";
            var e = Begin($"all-hands@{UidDomain}", "Company all-hands", "UTC", start, Period.FromHours(1), organiser, 0);
            e.Line($"RRULE:FREQ=MONTHLY;BYDAY=1TH;UNTIL={until}");
            e.Line($"ATTENDEE;CUTYPE=GROUP;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CN=All hands:mailto:{list}");
            Attendee(e, organiser, "ACCEPTED");
            if (person != organiser)
            {
                Attendee(e, person, status);
            }
            e.Line("END:VEVENT");
            files[person.Email].Raw(e);
        }
    }

    private void Personal(SampleTeam team, SamplePerson person, SamplePrng rng)
    {
        var hours = person.Hours;
        var start = organisation.StartDate;
        var self = new List<(SamplePerson, string)> { (person, "ACCEPTED") };

        // Focus time: a block the person holds alone on Tuesday and Thursday afternoons (one attendee: not a meeting).
        var focus = Event($"focus-{Slug(person)}@{UidDomain}", "Focus time", hours.ZoneId,
            start.PlusDays(1) + hours.Start.PlusHours(4), Period.FromHours(2), person, self);
        focus.Line($"RRULE:FREQ=WEEKLY;BYDAY=TU,TH;UNTIL={until}");
        End(focus, self);

        // Out of office: the two-week vacation, otherwise now and then a day off; the second member always has one.
        var index = Catalogued(team).IndexOf(person);
        if (person.VacationWeek >= 0)
        {
            var from = start.PlusWeeks(person.VacationWeek);
            OutOfOffice(person, from, from.PlusDays(12), "vacation");
        }
        else if (index == 1 || rng.Chance(0.4))
        {
            var day = start.PlusWeeks(rng.Next(organisation.Weeks)).PlusDays(rng.Next(5));
            OutOfOffice(person, day, day.PlusDays(1), "day-" + day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private void OutOfOffice(SamplePerson person, LocalDate from, LocalDate to, string key)
    {
        var e = new IcsWriter()
            .Line("BEGIN:VEVENT")
            .Line($"UID:ooo-{Slug(person)}-{key}@{UidDomain}")
            .Utc("DTSTAMP", stamp)
            .Date("DTSTART", from)
            .Date("DTEND", to)
            .Text("SUMMARY", "Out of office")
            .Line($"ORGANIZER;CN={IcsWriter.Quoted(person.Name)}:mailto:{person.Email}")
            .Line("TRANSP:TRANSPARENT")
            .Line("X-MICROSOFT-CDO-BUSYSTATUS:OOF")
            .Line("END:VEVENT");
        events++;
        files[person.Email].Raw(e);
    }

    /// <summary>Meetings someone calls during the week: 2–6 people, sometimes from other teams, log-normal length.</summary>
    private void AdHoc(SampleTeam team, SamplePrng rng)
    {
        var members = Catalogued(team);
        for (var m = 0; m < members.Count; m++)
        {
            var organiser = members[m];
            for (var week = 0; week < organisation.Weeks; week++)
            {
                if (organiser.OnVacation(week))
                {
                    continue;
                }
                var count = week == 0 && m == 0 ? 1 : rng.Poisson(0.7);
                for (var n = 0; n < count; n++)
                {
                    var minutes = Math.Clamp((int)Math.Round(rng.LogNormal(40, 0.5) / 5) * 5, 15, 180);
                    var hours = organiser.Hours;
                    var slots = Math.Max(1, (int)((hours.End - hours.Start).ToDuration().TotalMinutes - minutes) / 15);
                    var local = organisation.StartDate.PlusWeeks(week).PlusDays(rng.Next(5)) + hours.Start.PlusMinutes(15 * rng.Next(slots));
                    var attendees = new List<(SamplePerson, string)> { (organiser, "ACCEPTED") };
                    var size = rng.Next(2, 7);
                    for (var tries = 0; attendees.Count < size && tries < 20; tries++)
                    {
                        var from = rng.Chance(0.3) ? organisation.Teams[rng.Next(organisation.Teams.Count)] : team;
                        var pool = Catalogued(from);
                        if (pool.Count == 0)
                        {
                            continue;
                        }
                        var who = rng.Pick(pool);
                        if (attendees.Any(a => a.Item1.Email == who.Email))
                        {
                            continue;
                        }
                        var r = rng.NextDouble();
                        attendees.Add((who, r < 0.75 ? "ACCEPTED" : r < 0.85 ? "TENTATIVE" : r < 0.95 ? "DECLINED" : "NEEDS-ACTION"));
                    }
                    if (attendees.Count < 2)
                    {
                        continue;
                    }
                    var e = Event($"meeting-{team.Index}-{m}-{week}-{n}@{UidDomain}", "Sync", hours.ZoneId, local,
                        Period.FromMinutes(minutes), organiser, attendees);
                    End(e, attendees);
                }
            }
        }
    }

    private IcsWriter Event(string uid, string summary, string zone, LocalDateTime start, Period length,
        SamplePerson organiser, IReadOnlyList<(SamplePerson Person, string Status)> attendees, int sequence = 0)
    {
        var e = Begin(uid, summary, zone, start, length, organiser, sequence);
        foreach (var (person, status) in attendees)
        {
            Attendee(e, person, status);
        }
        return e;
    }

    private IcsWriter Begin(string uid, string summary, string zone, LocalDateTime start, Period length, SamplePerson organiser, int sequence)
    {
        var e = new IcsWriter().Line("BEGIN:VEVENT").Line($"UID:{uid}");
        if (sequence > 0)
        {
            e.Line($"SEQUENCE:{sequence}");
        }
        return e
            .Utc("DTSTAMP", stamp)
            .Zoned("DTSTART", zone, start)
            .Zoned("DTEND", zone, start + length)
            .Text("SUMMARY", summary)
            .Line($"ORGANIZER;CN={IcsWriter.Quoted(organiser.Name)}:mailto:{organiser.Email}");
    }

    private static void Attendee(IcsWriter e, SamplePerson person, string status) =>
        e.Line($"ATTENDEE;PARTSTAT={status};CN={IcsWriter.Quoted(person.Name)}:mailto:{person.Email}");

    /// <summary>Closes the event and copies it into every attendee's file.</summary>
    private void End(IcsWriter e, IReadOnlyList<(SamplePerson Person, string Status)> attendees)
    {
        e.Line("END:VEVENT");
        events++;
        foreach (var (person, _) in attendees)
        {
            if (files.TryGetValue(person.Email, out var file))
            {
                file.Raw(e);
            }
        }
    }

    private static string Slug(SamplePerson person) => person.Login.ToLowerInvariant();
}
