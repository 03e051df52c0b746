using PdeFlows.Verification.Convergence;
using System.Text;
using PdeFlows.Flows.Cases;
using PdeFlows.Flows.Expressions;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace PdeFlows.Verification.Studies;

/// <summary>
/// Reads a study file (docs/verification-studies.md). The study keys live in the tables
/// <c>[study]</c>, <c>[sweep]</c>, <c>[reference]</c>, <c>[metrics]</c> and <c>[expected]</c>; the
/// base case is either a file (<c>[study] case = "PATH"</c>, relative to the study file) or written
/// inline in the same file with the case-file sections (<c>[domain]</c>, <c>[flow]</c>, …). The study
/// tables are parsed with Tomlyn's syntax tree; the inline case is parsed by
/// <see cref="CaseFileLoader"/> from the same text with the study tables blanked out, so its line
/// numbers stay those of the study file. Every error is a <see cref="CaseFileException"/> naming the
/// file, the line and the key.
/// </summary>
public static class StudyFileLoader
{
    /// <summary>The study tables and their keys.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Tables = new Dictionary<string, IReadOnlyList<string>>
    {
        ["study"] = ["name", "case"],
        ["sweep"] = ["parameter", "values"],
        ["reference"] = ["kind", "closed_form", "reaction", "step", "scheme", "case", "density"],
        ["metrics"] = ["names", "times", "mmd_kernel", "mmd_bandwidth"],
        ["expected"] = ["metric", "order", "tolerance", "tail", "bound", "bound_metrics"],
    };

    private static readonly (string Name, StudySweepParameter Value)[] SweepNames =
        [("refine", StudySweepParameter.Refine), ("cells", StudySweepParameter.CellsMultiplier), ("step", StudySweepParameter.TimeStep), ("lambda", StudySweepParameter.Lambda), ("bandwidth", StudySweepParameter.Bandwidth), ("particles", StudySweepParameter.ParticleCount)];

    private static readonly (string Name, StudyReferenceKind Value)[] ReferenceNames =
        [("closed-form", StudyReferenceKind.ClosedForm), ("finest", StudyReferenceKind.Finest), ("case", StudyReferenceKind.Case), ("exact", StudyReferenceKind.ExactDensity)];

    private static readonly (string Name, StudyClosedForm Value)[] ClosedFormNames =
        [("fr-kl", StudyClosedForm.FisherRaoRelativeEntropy), ("sfr-kl", StudyClosedForm.SphericalFisherRaoRelativeEntropy), ("mmd-flow", StudyClosedForm.MaximumMeanDiscrepancyFlow), ("gaussian-wfr", StudyClosedForm.GaussianWassersteinFisherRao)];

    /// <summary>The metric names of <c>[metrics] names</c>.</summary>
    public static readonly (string Name, MetricKind Value)[] MetricNames =
    [
        ("l1", MetricKind.L1), ("l2", MetricKind.L2), ("h1", MetricKind.H1), ("hellinger", MetricKind.Hellinger),
        ("kl", MetricKind.KullbackLeibler), ("mmd", MetricKind.MaximumMeanDiscrepancy), ("energy", MetricKind.Energy),
        ("mass", MetricKind.Mass), ("mean", MetricKind.Mean), ("covariance", MetricKind.Covariance),
    ];

    /// <summary>The study-file name of a closed form (<c>fr-kl</c>, …).</summary>
    public static string ClosedFormName(StudyClosedForm form) => ClosedFormNames.First(c => c.Value == form).Name;

    /// <summary>Reads the study file at <paramref name="path"/>.</summary>
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
    /// <exception cref="CaseFileException">The text is not a valid study.</exception>
    public static StudyDefinition Parse(string text, string fileName = "study.toml", string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (tables, caseText) = Split(text, fileName);
        foreach (string required in new[] { "study", "sweep", "reference", "metrics" })
        {
            if (!tables.ContainsKey(required))
            {
                throw new CaseFileException(fileName, 1, null, required, $"missing required table [{required}]");
            }
        }

        foreach (var table in tables.Values)
        {
            table.RejectUnknownKeys(Tables[table.Name]);
        }

        var study = tables["study"];
        CaseDefinition baseCase = ReadBaseCase(study, caseText, fileName, directory);
        string name = study.OptionalString("name") ?? baseCase.Name;
        StudySweep sweep = ReadSweep(tables["sweep"], baseCase);
        StudyReference reference = ReadReference(tables["reference"], directory, sweep);
        var metrics = tables["metrics"];
        string[] metricNames = metrics.OptionalStrings("names") ?? throw metrics.Error("names", "missing required key");
        if (metricNames.Length == 0)
        {
            throw metrics.Error("names", "give at least one metric");
        }

        MetricKind[] metricKinds = metricNames.Select(n => Choice(metrics, "names", n, MetricNames)).ToArray();
        if (metricKinds.Distinct().Count() != metricKinds.Length)
        {
            throw metrics.Error("names", "a metric is listed twice");
        }

        var notForParticles = metricKinds.Where(m => m is not (MetricKind.MaximumMeanDiscrepancy or MetricKind.Mean or MetricKind.Covariance or MetricKind.Mass)).ToList();
        if (sweep.Parameter == StudySweepParameter.ParticleCount && notForParticles.Count > 0)
        {
            throw metrics.Error("names", $"'{MetricNames.First(n => n.Value == notForParticles[0]).Name}' is not defined between particles and a nodal density; a particle-count sweep measures mmd, mean, covariance, mass");
        }

        IReadOnlyList<double>? times = ReadTimes(metrics, baseCase);
        string mmdKernel = metrics.OptionalString("mmd_kernel") ?? "gaussian";
        if (!CaseChoiceNames.TryParse<KernelKind>(mmdKernel, out _))
        {
            throw metrics.Error("mmd_kernel", $"unknown kernel \"{mmdKernel}\"; allowed: {string.Join(", ", CaseChoiceNames.AllowedNames<KernelKind>())}");
        }

        double mmdBandwidth = metrics.OptionalNumber("mmd_bandwidth") ?? 0.5;
        if (!(mmdBandwidth > 0))
        {
            throw metrics.Error("mmd_bandwidth", "must be > 0");
        }

        StudyExpectation? expected = tables.TryGetValue("expected", out var expectedTable) ? ReadExpected(expectedTable, metricKinds) : null;
        return new StudyDefinition(name, baseCase, sweep, reference, metricKinds, times, mmdKernel, mmdBandwidth, expected, fileName);
    }

    /// <summary>Parses the TOML, collects the study tables and blanks them out of the text (keeping line breaks).</summary>
    private static (Dictionary<string, StudyTomlTable> Tables, string CaseText) Split(string text, string file)
    {
        DocumentSyntax document;
        try
        {
            document = SyntaxParser.Parse(text, file, validate: true);
        }
        catch (Exception exception)
        {
            throw new CaseFileException(file, 1, null, null, $"TOML syntax error: {exception.Message}", exception);
        }

        foreach (DiagnosticMessage diagnostic in document.Diagnostics)
        {
            if (diagnostic.Kind == DiagnosticMessageKind.Error)
            {
                throw new CaseFileException(Locate(diagnostic.Span.Start, file), null, $"TOML syntax error: {diagnostic.Message}");
            }
        }

        var tables = new Dictionary<string, StudyTomlTable>(StringComparer.Ordinal);
        var blanked = new StringBuilder(text);
        foreach (TableSyntaxBase table in document.Tables)
        {
            string tableName = table.Name?.ToString()?.Trim() ?? "";
            if (!Tables.ContainsKey(tableName))
            {
                continue; // a case section, or an unknown one (the case loader rejects it with its line)
            }

            SourceLocation header = Locate(table.Span.Start, file);
            if (table is TableArraySyntax)
            {
                throw new CaseFileException(header, tableName, "arrays of tables ([[...]]) are not used in study files");
            }

            if (tables.ContainsKey(tableName))
            {
                throw new CaseFileException(header, tableName, "the table is written twice");
            }

            var located = new StudyTomlTable(tableName, header);
            foreach (KeyValueSyntax keyValue in table.Items)
            {
                string key = keyValue.Key!.ToString()!.Trim().Trim('"');
                located.Add(key, keyValue.Value!, Locate(keyValue.Key.Span.Start, file));
            }

            tables.Add(tableName, located);
            for (int k = table.Span.Start.Offset; k <= Math.Min(table.Span.End.Offset, blanked.Length - 1); k++)
            {
                if (blanked[k] is not '\n' and not '\r')
                {
                    blanked[k] = ' ';
                }
            }
        }

        return (tables, blanked.ToString());
    }

    private static CaseDefinition ReadBaseCase(StudyTomlTable study, string caseText, string file, string? directory)
    {
        string? casePath = study.OptionalString("case");
        bool hasInline = caseText.Split('\n').Any(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith('#'));
        if (casePath is null)
        {
            return hasInline
                ? CaseFileLoader.Parse(caseText, file, directory)
                : throw study.Error("case", "missing: give [study] case = \"PATH\" or write the case sections ([domain], [flow], …) in this file");
        }

        if (hasInline)
        {
            throw study.Error("case", "the case is given twice: as a file here and inline in the study file; keep one");
        }

        string resolved = Path.IsPathRooted(casePath) || directory is null ? casePath : Path.Combine(directory, casePath);
        if (!File.Exists(resolved))
        {
            throw study.Error("case", $"the case file '{resolved}' does not exist");
        }

        return CaseFileLoader.Load(resolved);
    }

    private static StudySweep ReadSweep(StudyTomlTable sweep, CaseDefinition baseCase)
    {
        StudySweepParameter parameter = Choice(sweep, "parameter", sweep.String("parameter"), SweepNames);
        double[] values = sweep.OptionalNumbers("values") ?? throw sweep.Error("values", "missing required key");
        if (values.Length < 2)
        {
            throw sweep.Error("values", $"a sweep needs at least two values, got {values.Length}");
        }

        foreach (double value in values)
        {
            if (parameter == StudySweepParameter.ParticleCount && (value != Math.Floor(value) || value < 1 || value > 1e6))
            {
                throw sweep.Error("values", $"{value} is not a valid particle count (1–1000000)");
            }

            bool integral = parameter is StudySweepParameter.Refine or StudySweepParameter.CellsMultiplier;
            bool bad = integral ? value != Math.Floor(value) || value < (parameter == StudySweepParameter.Refine ? 0 : 1) || value > 12 : !(value > 0);
            if (bad)
            {
                throw sweep.Error("values", integral ? $"{value} is not a valid {(parameter == StudySweepParameter.Refine ? "refinement level (0–12)" : "cells multiplier (1–12)")}" : $"{value} must be > 0");
            }
        }

        if (values.Distinct().Count() != values.Length)
        {
            throw sweep.Error("values", "a value is listed twice");
        }

        if (parameter is StudySweepParameter.Lambda or StudySweepParameter.Bandwidth && baseCase.Kernel is null)
        {
            throw sweep.Error("parameter", $"sweeping the {(parameter == StudySweepParameter.Lambda ? "regularization" : "bandwidth")} needs a [kernel] section in the case");
        }

        if (parameter == StudySweepParameter.ParticleCount && baseCase.Particles is null)
        {
            throw sweep.Error("parameter", "sweeping the particle count needs a [particles] section in the case");
        }

        if (parameter == StudySweepParameter.CellsMultiplier && baseCase.Domain.Kind == DomainKind.Gmsh)
        {
            throw sweep.Error("parameter", "a gmsh domain has no cells to multiply; sweep \"refine\"");
        }

        return new StudySweep(parameter, values);
    }

    private static StudyReference ReadReference(StudyTomlTable table, string? directory, StudySweep sweep)
    {
        StudyReferenceKind kind = Choice(table, "kind", table.String("kind"), ReferenceNames);
        string[] allowed = kind switch
        {
            StudyReferenceKind.ClosedForm => ["kind", "closed_form"],
            StudyReferenceKind.Finest => ["kind"],
            StudyReferenceKind.Case => ["kind", "reaction", "step", "scheme", "case"],
            _ => ["kind", "density"],
        };
        table.RejectUnknownKeys(allowed);
        switch (kind)
        {
            case StudyReferenceKind.ClosedForm:
                return new StudyReference(kind, ClosedForm: Choice(table, "closed_form", table.String("closed_form"), ClosedFormNames));
            case StudyReferenceKind.ExactDensity:
                try
                {
                    return new StudyReference(kind, ExactDensity: ExpressionCompiler.Compile(table.String("density")));
                }
                catch (ExpressionException exception)
                {
                    throw table.Error("density", exception.Message);
                }

            case StudyReferenceKind.Case:
                ReactionKind? reaction = null;
                if (table.OptionalString("reaction") is string reactionName)
                {
                    reaction = CaseChoiceNames.TryParse<ReactionKind>(reactionName, out var r) ? r
                        : throw table.Error("reaction", $"unknown reaction \"{reactionName}\"; allowed: {string.Join(", ", CaseChoiceNames.AllowedNames<ReactionKind>())}");
                }

                TimeScheme? scheme = null;
                if (table.OptionalString("scheme") is string schemeName)
                {
                    scheme = CaseChoiceNames.TryParse<TimeScheme>(schemeName, out var s) ? s
                        : throw table.Error("scheme", $"unknown scheme \"{schemeName}\"; allowed: lie-ie, strang");
                }

                double? step = table.OptionalNumber("step");
                if (step is <= 0)
                {
                    throw table.Error("step", "must be > 0");
                }

                CaseDefinition? other = null;
                if (table.OptionalString("case") is string path)
                {
                    string resolved = Path.IsPathRooted(path) || directory is null ? path : Path.Combine(directory, path);
                    other = File.Exists(resolved) ? CaseFileLoader.Load(resolved) : throw table.Error("case", $"the case file '{resolved}' does not exist");
                }

                // A particle-count sweep compares with the mesh solution of the run case itself.
                if (reaction is null && scheme is null && step is null && other is null && sweep.Parameter != StudySweepParameter.ParticleCount)
                {
                    throw table.Error("kind", "a case reference needs at least one of reaction, step, scheme or case (else it is the run itself)");
                }

                if (step is not null && sweep.Parameter == StudySweepParameter.TimeStep)
                {
                    // Allowed: a fine-step reference for a time-step sweep.
                }

                return new StudyReference(kind, Reaction: reaction, Step: step, Scheme: scheme, OtherCase: other);
            default:
                return new StudyReference(kind);
        }
    }

    private static IReadOnlyList<double>? ReadTimes(StudyTomlTable metrics, CaseDefinition baseCase)
    {
        if (!metrics.Has("times") || metrics.IsString("times"))
        {
            string text = metrics.OptionalString("times") ?? "sup";
            return text == "sup" ? null : throw metrics.Error("times", $"must be \"sup\" or an array of output times, got \"{text}\"");
        }

        double[] times = metrics.OptionalNumbers("times")!;
        foreach (double t in times)
        {
            if (!baseCase.Output.Times.Any(o => Math.Abs(o - t) <= 1e-12 * Math.Max(1, Math.Abs(t))))
            {
                throw metrics.Error("times", $"{t} is not an output time of the case ([output] times = [{string.Join(", ", baseCase.Output.Times)}])");
            }
        }

        return times.Length > 0 ? times : throw metrics.Error("times", "give at least one time, or \"sup\"");
    }

    private static StudyExpectation ReadExpected(StudyTomlTable table, MetricKind[] metrics)
    {
        MetricKind metric = Choice(table, "metric", table.String("metric"), MetricNames);
        if (!metrics.Contains(metric))
        {
            throw table.Error("metric", "the checked metric must be one of [metrics] names");
        }

        double? order = table.OptionalNumber("order");
        double? bound = table.OptionalNumber("bound");
        if (order is null && bound is null)
        {
            throw table.Error("order", "missing: give an expected order (with tolerance) or a bound, or both");
        }

        if (bound is <= 0)
        {
            throw table.Error("bound", "must be > 0");
        }

        double tolerance = table.OptionalNumber("tolerance") ?? (order is null ? 0 : throw table.Error("tolerance", "missing required key (the allowed deviation of the order)"));
        MetricKind[] boundMetrics = table.OptionalStrings("bound_metrics")?.Select(n => Choice(table, "bound_metrics", n, MetricNames)).ToArray() ?? [metric];
        if (boundMetrics.Any(m => !metrics.Contains(m)))
        {
            throw table.Error("bound_metrics", "every bounded metric must be one of [metrics] names");
        }

        if (tolerance < 0)
        {
            throw table.Error("tolerance", "must be ≥ 0");
        }

        int? tail = table.OptionalPositiveInteger("tail");
        if (tail is 1)
        {
            throw table.Error("tail", "a fitted order needs at least 2 rows");
        }

        return new StudyExpectation(metric, order, tolerance, tail, bound, boundMetrics);
    }

    private static T Choice<T>(StudyTomlTable table, string key, string name, (string Name, T Value)[] choices)
    {
        foreach (var (n, v) in choices)
        {
            if (n == name)
            {
                return v;
            }
        }

        throw table.Error(key, $"unknown value \"{name}\"; allowed: {string.Join(", ", choices.Select(c => c.Name))}");
    }

    private static SourceLocation Locate(TextPosition position, string file) => new(file, position.Line + 1, position.Column + 1);
}
