using System.Collections.Immutable;
using PdeFlows.Runs.Toml;

namespace PdeFlows.Runs.Cases;

/// <summary>
/// Reads <c>[time]</c>, <c>[solver]</c>, <c>[output]</c> and <c>[particles]</c>: types, ranges and
/// defaults come from <see cref="CaseKeys"/>; the rules between keys are the code here.
/// </summary>
internal static class CaseTimeAndOutputReaders
{
    public static TimeSection ReadTime(SectionReader reader)
    {
        double end = reader.Value(CaseKeys.Time.End);
        double step = reader.Value(CaseKeys.Time.Step);
        if (step > end)
        {
            throw reader.Error(CaseKeys.Time.Step, $"must be ≤ end = {TomlText.Format(end)}, got {TomlText.Format(step)}");
        }

        return new TimeSection(end, step, reader.Value(CaseKeys.Time.Scheme));
    }

    public static SolverSection ReadSolver(SectionReader reader) =>
        new(reader.Value(CaseKeys.Solver.Linear), reader.Value(CaseKeys.Solver.ReactionTolerance));

    /// <summary>The output section when it is absent: times [0, end], nothing else.</summary>
    public static OutputSection DefaultOutput(TimeSection time) => new([0.0, time.End], [], [], (int)CaseKeys.Output.CheckpointEvery.Default!.Value);

    public static OutputSection ReadOutput(SectionReader reader, TimeSection time, DomainSection domain)
    {
        ImmutableArray<double> times = reader.Read(CaseKeys.Output.Times) ?? [0.0, time.End];
        CheckTimes(reader, times, time.End);
        ImmutableArray<ImmutableArray<double>> probes = ReadProbes(reader, domain);
        ImmutableArray<OutputRegion> regions = ReadRegions(reader, domain);
        int checkpointEvery = (int)reader.Value(CaseKeys.Output.CheckpointEvery);
        return new OutputSection(times, probes, regions, checkpointEvery);
    }

    public static ParticlesSection ReadParticles(SectionReader reader) => new(
        (int)reader.Value(CaseKeys.Particles.Count),
        reader.Value(CaseKeys.Particles.Seed),
        reader.Read(CaseKeys.Particles.Step),
        reader.Value(CaseKeys.Particles.Method),
        reader.Read(CaseKeys.Particles.DensityBandwidth));

    private static void CheckTimes(SectionReader reader, ImmutableArray<double> times, double end)
    {
        TomlKey key = CaseKeys.Output.Times;
        if (times.IsEmpty)
        {
            throw reader.Error(key, "must not be empty");
        }

        for (int k = 0; k < times.Length; k++)
        {
            if (times[k] < 0.0 || times[k] > end)
            {
                throw reader.Error(key, $"item {k + 1}: must be in [0, end = {TomlText.Format(end)}], got {TomlText.Format(times[k])}");
            }

            if (k > 0 && !(times[k] > times[k - 1]))
            {
                throw reader.Error(key, $"must be strictly increasing; item {k + 1} ({TomlText.Format(times[k])}) ≤ item {k} ({TomlText.Format(times[k - 1])})");
            }
        }
    }

    private static ImmutableArray<ImmutableArray<double>> ReadProbes(SectionReader reader, DomainSection domain)
    {
        string name = CaseKeys.Output.Probes.Name;
        if (!reader.Table.Entries.TryGetValue(name, out LocatedTomlEntry? entry))
        {
            return [];
        }

        if (entry.Value is not LocatedTomlArray array)
        {
            throw reader.Error(name, $"expected an array of points such as [[0.0], [1.0]], got {SectionReader.Describe(entry.Value)}");
        }

        var probes = ImmutableArray.CreateBuilder<ImmutableArray<double>>(array.Items.Count);
        int? dimension = domain.Dimension;
        for (int k = 0; k < array.Items.Count; k++)
        {
            LocatedTomlNode item = array.Items[k];
            ImmutableArray<double> point = reader.ToVector(item, name, $"item {k + 1}: ");
            dimension ??= point.Length;
            if (point.Length != dimension)
            {
                string context = domain.Dimension is null ? "as the first probe" : "for the domain";
                throw new CaseFileException(item.Location, reader.KeyPath(name), $"item {k + 1}: must have {dimension} coordinate{(dimension == 1 ? "" : "s")} {context}, got {point.Length}");
            }

            probes.Add(point);
        }

        return probes.MoveToImmutable();
    }

    private static ImmutableArray<OutputRegion> ReadRegions(SectionReader reader, DomainSection domain)
    {
        SectionReader? regionsReader = reader.SubTable(CaseKeys.Output.Regions.Name);
        if (regionsReader is null)
        {
            return [];
        }

        TomlSection regionKeys = CaseKeys.Table.Section(CaseKeys.Region.Section);
        var regions = ImmutableArray.CreateBuilder<OutputRegion>();
        foreach (LocatedTomlEntry entry in regionsReader.Table.Entries.Values)
        {
            SectionReader region = regionsReader.SubTable(entry.Key)!;
            region.RejectUnknownKeys(regionKeys);
            int dimension = domain.Dimension ?? (region.Read(CaseKeys.Region.Lower)?.Length ?? 0);
            string context = domain.Dimension is null ? "this region" : "the domain";
            ImmutableArray<double> lower = CaseSectionReaders.RequiredVector(region, CaseKeys.Region.Lower, dimension, context);
            ImmutableArray<double> upper = CaseSectionReaders.RequiredVector(region, CaseKeys.Region.Upper, dimension, context);
            CaseSectionReaders.CheckOrdered(region, CaseKeys.Region.Upper, lower, upper);
            regions.Add(new OutputRegion(entry.Key, lower, upper));
        }

        return regions.ToImmutable();
    }
}
