using System.Collections.Immutable;
using PdeFlows.Flows.Cases.Toml;

namespace PdeFlows.Flows.Cases;

/// <summary>Reads and validates <c>[time]</c>, <c>[solver]</c>, <c>[output]</c> and <c>[particles]</c>.</summary>
internal static class CaseTimeAndOutputReaders
{
    public static TimeSection ReadTime(SectionReader reader)
    {
        double end = reader.Number("end");
        if (end <= 0.0)
        {
            throw reader.Error("end", $"must be > 0, got {SectionReader.Format(end)}");
        }

        double step = reader.Number("step");
        if (step <= 0.0)
        {
            throw reader.Error("step", $"must be > 0, got {SectionReader.Format(step)}");
        }

        if (step > end)
        {
            throw reader.Error("step", $"must be ≤ end = {SectionReader.Format(end)}, got {SectionReader.Format(step)}");
        }

        TimeScheme scheme = reader.Choice("scheme", TimeScheme.LieImplicitEuler);
        return new TimeSection(end, step, scheme);
    }

    public static SolverSection ReadSolver(SectionReader reader) =>
        new(reader.Choice("linear", LinearSolverKind.Auto));

    /// <summary>The output section when it is absent: times [0, end], nothing else.</summary>
    public static OutputSection DefaultOutput(TimeSection time) => new([0.0, time.End], [], [], 0);

    public static OutputSection ReadOutput(SectionReader reader, TimeSection time, DomainSection domain)
    {
        ImmutableArray<double> times = reader.OptionalVector("times") ?? [0.0, time.End];
        CheckTimes(reader, times, time.End);
        ImmutableArray<ImmutableArray<double>> probes = ReadProbes(reader, domain);
        ImmutableArray<OutputRegion> regions = ReadRegions(reader, domain);
        int checkpointEvery = (int)(reader.OptionalInteger("checkpoint_every", 0) ?? 0);
        return new OutputSection(times, probes, regions, checkpointEvery);
    }

    public static ParticlesSection ReadParticles(SectionReader reader)
    {
        int count = (int)(reader.OptionalInteger("count", 1) ?? throw reader.Missing("count"));
        long seed = reader.OptionalInteger("seed", 0, long.MaxValue) ?? 0;
        double? step = reader.OptionalNumber("step");
        if (step is double s && s <= 0.0)
        {
            throw reader.Error("step", $"must be > 0, got {SectionReader.Format(s)}");
        }

        ParticleMethod method = reader.Choice("method", ParticleMethod.BirthDeathLangevin);
        return new ParticlesSection(count, seed, step, method);
    }

    private static void CheckTimes(SectionReader reader, ImmutableArray<double> times, double end)
    {
        if (times.IsEmpty)
        {
            throw reader.Error("times", "must not be empty");
        }

        for (int k = 0; k < times.Length; k++)
        {
            if (times[k] < 0.0 || times[k] > end)
            {
                throw reader.Error("times", $"item {k + 1}: must be in [0, end = {SectionReader.Format(end)}], got {SectionReader.Format(times[k])}");
            }

            if (k > 0 && !(times[k] > times[k - 1]))
            {
                throw reader.Error("times", $"must be strictly increasing; item {k + 1} ({SectionReader.Format(times[k])}) ≤ item {k} ({SectionReader.Format(times[k - 1])})");
            }
        }
    }

    private static ImmutableArray<ImmutableArray<double>> ReadProbes(SectionReader reader, DomainSection domain)
    {
        if (!reader.Table.Entries.TryGetValue("probes", out LocatedTomlEntry? entry))
        {
            return [];
        }

        if (entry.Value is not LocatedTomlArray array)
        {
            throw reader.Error("probes", $"expected an array of points such as [[0.0], [1.0]], got {SectionReader.Describe(entry.Value)}");
        }

        var probes = ImmutableArray.CreateBuilder<ImmutableArray<double>>(array.Items.Count);
        int? dimension = domain.Dimension;
        for (int k = 0; k < array.Items.Count; k++)
        {
            LocatedTomlNode item = array.Items[k];
            ImmutableArray<double> point = reader.ToVector(item, "probes", $"probe {k + 1}: ");
            dimension ??= point.Length;
            if (point.Length != dimension)
            {
                string context = domain.Dimension is null ? "as the first probe" : "for the domain";
                throw new CaseFileException(item.Location, reader.KeyPath("probes"), $"probe {k + 1}: must have {dimension} coordinate{(dimension == 1 ? "" : "s")} {context}, got {point.Length}");
            }

            probes.Add(point);
        }

        return probes.MoveToImmutable();
    }

    private static ImmutableArray<OutputRegion> ReadRegions(SectionReader reader, DomainSection domain)
    {
        SectionReader? regionsReader = reader.OptionalTable("regions");
        if (regionsReader is null)
        {
            return [];
        }

        var regions = ImmutableArray.CreateBuilder<OutputRegion>();
        foreach (LocatedTomlEntry entry in regionsReader.Table.Entries.Values)
        {
            SectionReader region = regionsReader.OptionalTable(entry.Key)!;
            region.RejectUnknownKeys(CaseFileSchema.RegionKeys, "output");
            int dimension = domain.Dimension ?? (region.OptionalVector("lower")?.Length ?? 0);
            string context = domain.Dimension is null ? "this region" : "the domain";
            ImmutableArray<double> lower = CaseSectionReaders.RequiredVector(region, "lower", dimension, context);
            ImmutableArray<double> upper = CaseSectionReaders.RequiredVector(region, "upper", dimension, context);
            CaseSectionReaders.CheckOrdered(region, "upper", lower, upper);
            regions.Add(new OutputRegion(entry.Key, lower, upper));
        }

        return regions.ToImmutable();
    }
}
