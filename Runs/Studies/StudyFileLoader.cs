using System.Collections.Immutable;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Expressions;
using PdeFlows.Runs.Toml;
using PdeFlows.Verification.Convergence;

namespace PdeFlows.Runs.Studies;

/// <summary>
/// Reads a study file (docs/verification-studies.md) through its key table <see cref="StudyKeys"/>.
/// The study keys live in the tables <c>[study]</c>, <c>[sweep]</c>, <c>[reference]</c>,
/// <c>[metrics]</c> and <c>[expected]</c>; the base case is either a file (<c>[study] case = "PATH"</c>,
/// relative to the study file) or written inline in the same file with the case-file sections
/// (<c>[domain]</c>, <c>[flow]</c>, …). The file is parsed once into a located tree; the case
/// sections of that tree go to <see cref="CaseFileLoader"/>, so their errors carry the study file's
/// line numbers. Every error is a <see cref="CaseFileException"/> naming the file, the line and the key.
/// </summary>
public static class StudyFileLoader
{
    /// <summary>Reads the study file at <paramref name="path"/>.</summary>
    /// <param name="path">The study file.</param>
    /// <returns>The validated study.</returns>
    /// <exception cref="CaseFileException">The file cannot be read or is not a valid study.</exception>
    public static StudyDefinition Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new CaseFileException(path, 1, null, null, $"cannot read the study file: {exception.Message}", exception);
        }

        return Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>Reads a study from <paramref name="text"/>; messages name it <paramref name="fileName"/>.</summary>
    /// <param name="text">The TOML text.</param>
    /// <param name="fileName">The file name shown in messages.</param>
    /// <param name="directory">The directory relative paths are resolved against, if any.</param>
    /// <returns>The validated study.</returns>
    /// <exception cref="CaseFileException">The text is not a valid study.</exception>
    public static StudyDefinition Parse(string text, string fileName = "study.toml", string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        LocatedTomlTable root = LocatedTomlBuilder.Build(text, fileName);
        CaseFileLoader.RejectUnknownSections(root, StudyKeys.File);
        foreach (TomlSection required in StudyKeys.Table.Sections.Where(s => s.Required))
        {
            if (!root.Entries.ContainsKey(required.Name))
            {
                throw new CaseFileException(fileName, 1, null, required.Name, $"missing required table [{required.Name}]");
            }
        }

        // The study tables are read here; everything else in the same tree is the inline case.
        var caseRoot = new LocatedTomlTable(root.Location);
        foreach (LocatedTomlEntry entry in root.Entries.Values.Where(e => !StudyKeys.Table.IsSection(e.Key)))
        {
            caseRoot.Entries.Add(entry.Key, entry);
        }

        var top = new SectionReader(root, "", StudyKeys.Table);
        SectionReader? Table(string name)
        {
            SectionReader? reader = top.SubTable(name);
            reader?.RejectUnknownKeys(StudyKeys.Table.Section(name));
            return reader;
        }

        SectionReader study = Table("study")!;
        CaseDefinition baseCase = ReadBaseCase(study, caseRoot, fileName, directory);
        string name = study.Read(StudyKeys.Study.Name) ?? baseCase.Name;
        StudySweep sweep = ReadSweep(Table("sweep")!, baseCase);
        StudyReference reference = ReadReference(Table("reference")!, directory, sweep);
        SectionReader metrics = Table("metrics")!;
        ImmutableArray<MetricKind> metricKinds = metrics.Read(StudyKeys.Metrics.Names)!.Value;
        if (metricKinds.Length == 0)
        {
            throw metrics.Error(StudyKeys.Metrics.Names, "give at least one metric");
        }

        if (metricKinds.Distinct().Count() != metricKinds.Length)
        {
            throw metrics.Error(StudyKeys.Metrics.Names, "a metric is listed twice");
        }

        var notForParticles = metricKinds.Where(m => m is not (MetricKind.MaximumMeanDiscrepancy or MetricKind.Mean or MetricKind.Covariance or MetricKind.Mass)).ToList();
        if (sweep.Parameter == StudySweepParameter.ParticleCount && notForParticles.Count > 0)
        {
            throw metrics.Error(StudyKeys.Metrics.Names, $"'{StudyChoiceNames.Metric.NameOf(notForParticles[0])}' is not defined between particles and a nodal density; a particle-count sweep measures mmd, mean, covariance, mass");
        }

        IReadOnlyList<double>? times = ReadTimes(metrics, baseCase);
        var mmdKernel = metrics.Value(StudyKeys.Metrics.MmdKernel);
        double mmdBandwidth = metrics.Value(StudyKeys.Metrics.MmdBandwidth);
        StudyExpectation? expected = Table("expected") is { } expectedTable ? ReadExpected(expectedTable, metricKinds) : null;
        return new StudyDefinition(name, baseCase, sweep, reference, metricKinds, times, mmdKernel, mmdBandwidth, expected, fileName);
    }

    private static CaseDefinition ReadBaseCase(SectionReader study, LocatedTomlTable caseRoot, string file, string? directory)
    {
        string? casePath = study.Read(StudyKeys.Study.Case);
        bool hasInline = caseRoot.Entries.Count > 0;
        if (casePath is null)
        {
            return hasInline
                ? CaseFileLoader.Read(caseRoot, file, directory)
                : throw study.Error(StudyKeys.Study.Case, "missing: give [study] case = \"PATH\" or write the case sections ([domain], [flow], …) in this file");
        }

        if (hasInline)
        {
            throw study.Error(StudyKeys.Study.Case, "the case is given twice: as a file here and inline in the study file; keep one");
        }

        return CaseFileLoader.Load(Resolve(study, StudyKeys.Study.Case, casePath, directory));
    }

    private static string Resolve(SectionReader table, TomlKey key, string path, string? directory)
    {
        string resolved = Path.IsPathRooted(path) || directory is null ? path : Path.Combine(directory, path);
        return File.Exists(resolved) ? resolved : throw table.Error(key, $"the case file '{resolved}' does not exist");
    }

    private static StudySweep ReadSweep(SectionReader sweep, CaseDefinition baseCase)
    {
        StudySweepParameter parameter = sweep.Value(StudyKeys.Sweep.Parameter);
        ImmutableArray<double> values = sweep.Read(StudyKeys.Sweep.Values)!.Value;
        if (values.Length < 2)
        {
            throw sweep.Error(StudyKeys.Sweep.Values, $"a sweep needs at least two values, got {values.Length}");
        }

        foreach (double value in values)
        {
            if (parameter == StudySweepParameter.ParticleCount && (value != Math.Floor(value) || value < 1 || value > 1e6))
            {
                throw sweep.Error(StudyKeys.Sweep.Values, $"{value} is not a valid particle count (1–1000000)");
            }

            bool integral = parameter is StudySweepParameter.Refine or StudySweepParameter.CellsMultiplier;
            bool bad = integral ? value != Math.Floor(value) || value < (parameter == StudySweepParameter.Refine ? 0 : 1) || value > 12 : !(value > 0);
            if (bad)
            {
                throw sweep.Error(StudyKeys.Sweep.Values, integral ? $"{value} is not a valid {(parameter == StudySweepParameter.Refine ? "refinement level (0–12)" : "cells multiplier (1–12)")}" : $"{value} must be > 0");
            }
        }

        if (values.Distinct().Count() != values.Length)
        {
            throw sweep.Error(StudyKeys.Sweep.Values, "a value is listed twice");
        }

        if (parameter is StudySweepParameter.Lambda or StudySweepParameter.Bandwidth && baseCase.Kernel is null)
        {
            throw sweep.Error(StudyKeys.Sweep.Parameter, $"sweeping the {(parameter == StudySweepParameter.Lambda ? "regularization" : "bandwidth")} needs a [kernel] section in the case");
        }

        if (parameter == StudySweepParameter.ParticleCount && baseCase.Particles is null)
        {
            throw sweep.Error(StudyKeys.Sweep.Parameter, "sweeping the particle count needs a [particles] section in the case");
        }

        if (parameter == StudySweepParameter.CellsMultiplier && baseCase.Domain.Kind == DomainKind.Gmsh)
        {
            throw sweep.Error(StudyKeys.Sweep.Parameter, "a gmsh domain has no cells to multiply; sweep \"refine\"");
        }

        return new StudySweep(parameter, values);
    }

    private static StudyReference ReadReference(SectionReader table, string? directory, StudySweep sweep)
    {
        StudyReferenceKind kind = table.Value(StudyKeys.Reference.Kind);
        TomlKey[] used = kind switch
        {
            StudyReferenceKind.ClosedForm => [StudyKeys.Reference.Kind, StudyKeys.Reference.ClosedForm],
            StudyReferenceKind.Finest => [StudyKeys.Reference.Kind],
            StudyReferenceKind.Case => [StudyKeys.Reference.Kind, StudyKeys.Reference.Reaction, StudyKeys.Reference.Step, StudyKeys.Reference.Scheme, StudyKeys.Reference.Case],
            _ => [StudyKeys.Reference.Kind, StudyKeys.Reference.Density],
        };
        foreach (TomlKey key in StudyKeys.Table.Section("reference").Keys.Except(used).Where(table.Has))
        {
            throw table.Error(key, $"not used with kind = \"{StudyChoiceNames.Reference.NameOf(kind)}\" (it uses {string.Join(", ", used.Select(k => k.Name))})");
        }

        switch (kind)
        {
            case StudyReferenceKind.ClosedForm:
                return new StudyReference(kind, ClosedForm: table.Read(StudyKeys.Reference.ClosedForm) ?? throw table.Missing(StudyKeys.Reference.ClosedForm));
            case StudyReferenceKind.ExactDensity:
                CompiledExpression density = table.Read(StudyKeys.Reference.Density, ExpressionVariables.Space) ?? throw table.Missing(StudyKeys.Reference.Density);
                return new StudyReference(kind, ExactDensity: density);
            case StudyReferenceKind.Case:
                var reaction = table.Read(StudyKeys.Reference.Reaction);
                var scheme = table.Read(StudyKeys.Reference.Scheme);
                double? step = table.Read(StudyKeys.Reference.Step);
                CaseDefinition? other = table.Read(StudyKeys.Reference.Case) is string path
                    ? CaseFileLoader.Load(Resolve(table, StudyKeys.Reference.Case, path, directory))
                    : null;

                // A particle-count sweep compares with the mesh solution of the run case itself.
                if (reaction is null && scheme is null && step is null && other is null && sweep.Parameter != StudySweepParameter.ParticleCount)
                {
                    throw table.Error(StudyKeys.Reference.Kind, "a case reference needs at least one of reaction, step, scheme or case (else it is the run itself)");
                }

                return new StudyReference(kind, Reaction: reaction, Step: step, Scheme: scheme, OtherCase: other);
            default:
                return new StudyReference(kind);
        }
    }

    private static IReadOnlyList<double>? ReadTimes(SectionReader metrics, CaseDefinition baseCase)
    {
        if (metrics.Read(StudyKeys.Metrics.Times) is not { } times)
        {
            return null; // "sup", written or by default
        }

        foreach (double t in times)
        {
            if (!baseCase.Output.Times.Any(o => Math.Abs(o - t) <= 1e-12 * Math.Max(1, Math.Abs(t))))
            {
                throw metrics.Error(StudyKeys.Metrics.Times, $"{t} is not an output time of the case ([output] times = [{string.Join(", ", baseCase.Output.Times)}])");
            }
        }

        return times.Length > 0 ? times : throw metrics.Error(StudyKeys.Metrics.Times, $"give at least one time, or \"{StudyKeys.Metrics.Times.Word}\"");
    }

    private static StudyExpectation ReadExpected(SectionReader table, ImmutableArray<MetricKind> metrics)
    {
        MetricKind metric = table.Value(StudyKeys.Expected.Metric);
        if (!metrics.Contains(metric))
        {
            throw table.Error(StudyKeys.Expected.Metric, "the checked metric must be one of [metrics] names");
        }

        double? order = table.Read(StudyKeys.Expected.Order);
        double? bound = table.Read(StudyKeys.Expected.Bound);
        if (order is null && bound is null)
        {
            throw table.Error(StudyKeys.Expected.Order, "missing: give an expected order (with tolerance) or a bound, or both");
        }

        double tolerance = table.Read(StudyKeys.Expected.Tolerance)
            ?? (order is null ? 0 : throw table.Missing(StudyKeys.Expected.Tolerance, "the allowed deviation of the order"));
        MetricKind[] boundMetrics = table.Read(StudyKeys.Expected.BoundMetrics)?.ToArray() ?? [metric];
        if (boundMetrics.Any(m => !metrics.Contains(m)))
        {
            throw table.Error(StudyKeys.Expected.BoundMetrics, "every bounded metric must be one of [metrics] names");
        }

        int? tail = (int?)table.Read(StudyKeys.Expected.Tail);
        return new StudyExpectation(metric, order, tolerance, tail, bound, boundMetrics);
    }
}
