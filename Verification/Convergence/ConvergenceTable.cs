using System.Globalization;

namespace PdeFlows.Verification.Convergence;

/// <summary>
/// A convergence table in the manner of deal.II's ConvergenceTable, but with typed rows: one
/// <see cref="SweptParameter"/>, a fixed list of <see cref="Metric"/> columns, and one
/// <see cref="ConvergenceRow"/> per run, in the order added. Orders are computed from the actual
/// parameter ratios (<see cref="ObservedOrder"/>); <see cref="AssertOrder"/> fails with the whole
/// table in its message. Rendering: <see cref="ToMarkdown"/>, <see cref="ToCsv"/>, <see cref="ToLatex"/>.
/// Not thread-safe while rows are added.
/// </summary>
public sealed class ConvergenceTable
{
    private readonly List<ConvergenceRow> rows = [];

    /// <summary>Creates an empty table.</summary>
    /// <param name="parameter">The swept parameter.</param>
    /// <param name="metrics">The metric columns, distinct, at least one.</param>
    /// <param name="title">An optional title (first line of the Markdown output and of failure messages).</param>
    /// <exception cref="ArgumentException">No metrics, or two equal metrics.</exception>
    public ConvergenceTable(SweptParameter parameter, IEnumerable<Metric> metrics, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(metrics);
        Parameter = parameter;
        Metrics = metrics.ToList();
        Title = title;
        if (Metrics.Count == 0)
        {
            throw new ArgumentException("a convergence table needs at least one metric", nameof(metrics));
        }

        if (Metrics.Any(m => m.Name is null))
        {
            throw new ArgumentException("a metric was default-constructed; use new Metric(kind) or Metric.L2 etc.", nameof(metrics));
        }

        var duplicate = Metrics.GroupBy(m => m.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"metric '{duplicate.Key}' appears twice; give one of them another name", nameof(metrics));
        }
    }

    /// <summary>The swept parameter.</summary>
    public SweptParameter Parameter { get; }

    /// <summary>The metric columns, in order.</summary>
    public IReadOnlyList<Metric> Metrics { get; }

    /// <summary>The title, or null.</summary>
    public string? Title { get; }

    /// <summary>The rows, in the order added.</summary>
    public IReadOnlyList<ConvergenceRow> Rows => rows;

    /// <summary>The parameter values of the rows.</summary>
    public double[] ParameterValues => rows.Select(r => r.ParameterValue).ToArray();

    /// <summary>Adds a row.</summary>
    /// <exception cref="ArgumentException">The parameter value is not finite and positive, the dofs are negative, or the error count differs from the metric count.</exception>
    public void Add(ConvergenceRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!double.IsFinite(row.ParameterValue) || row.ParameterValue <= 0.0)
        {
            throw new ArgumentException($"{Parameter.Name} = {row.ParameterValue.ToString("R", CultureInfo.InvariantCulture)} must be finite and positive (orders take its logarithm)", nameof(row));
        }

        if (row.Dofs is < 0)
        {
            throw new ArgumentException($"dofs = {row.Dofs} must not be negative", nameof(row));
        }

        if (row.Errors is null || row.Errors.Count != Metrics.Count)
        {
            throw new ArgumentException($"the row has {row.Errors?.Count ?? 0} errors, the table has {Metrics.Count} metrics ({string.Join(", ", Metrics)})", nameof(row));
        }

        rows.Add(row with { Errors = row.Errors.ToArray() });
    }

    /// <summary>Adds a row: parameter value, dofs (null: not applicable) and one error per metric, in metric order.</summary>
    public void Add(double parameterValue, long? dofs, params double[] errors) => Add(new ConvergenceRow(parameterValue, dofs, errors));

    /// <summary>The errors of one metric, one per row.</summary>
    /// <exception cref="ArgumentException">The metric is not a column of this table.</exception>
    public double[] Errors(Metric metric)
    {
        int column = ColumnOf(metric);
        return rows.Select(r => r.Errors[column]).ToArray();
    }

    /// <summary>The pairwise observed orders of one metric (element 0 and undefined orders: NaN).</summary>
    public double[] PairwiseOrders(Metric metric) => ObservedOrder.Pairwise(ParameterValues, Errors(metric));

    /// <summary>The least-squares slope of log e against log P over the last <paramref name="tailRows"/> rows (all when null).</summary>
    public double FittedOrder(Metric metric, int? tailRows = null) => ObservedOrder.FittedSlope(ParameterValues, Errors(metric), tailRows);

    /// <summary>
    /// Compares the fitted order over the last <paramref name="tailRows"/> rows (all when null) with
    /// <paramref name="expected"/>: passed when |observed − expected| ≤ <paramref name="tolerance"/>.
    /// An undefined order fails.
    /// </summary>
    /// <exception cref="ArgumentException">The metric is not a column, or the tolerance is negative or not finite.</exception>
    public OrderVerdict CheckOrder(Metric metric, double expected, double tolerance, int? tailRows = null)
    {
        if (!double.IsFinite(tolerance) || tolerance < 0.0 || !double.IsFinite(expected))
        {
            throw new ArgumentException($"expected order {expected} and tolerance {tolerance} must be finite, the tolerance ≥ 0");
        }

        double observed = FittedOrder(metric, tailRows);
        int firstRow = tailRows is int tail ? Math.Max(0, rows.Count - tail) : 0;
        bool passed = Math.Abs(observed - expected) <= tolerance;
        string rowsText = rows.Count == 0 ? "no rows" : $"rows {firstRow + 1}–{rows.Count} of {rows.Count}";
        string observedText = double.IsNaN(observed) ? "undefined (fewer than two rows with positive finite errors)" : Fixed(observed);
        string verdict = $"{(passed ? "passed" : "FAILED")}: {metric.Name} order in {Parameter.Name}: expected {Fixed(expected)} ± {Fixed(tolerance)}, observed least-squares slope {observedText} ({rowsText})";
        string message = verdict + Environment.NewLine + Environment.NewLine + ToMarkdown();
        return new OrderVerdict(metric, expected, tolerance, observed, firstRow, passed, message);
    }

    /// <summary>Like <see cref="CheckOrder"/>, but throws when the check fails.</summary>
    /// <exception cref="ConvergenceOrderException">The observed order misses; its message holds the whole table.</exception>
    public OrderVerdict AssertOrder(Metric metric, double expected, double tolerance, int? tailRows = null)
    {
        var verdict = CheckOrder(metric, expected, tolerance, tailRows);
        return verdict.Passed ? verdict : throw new ConvergenceOrderException(verdict);
    }

    /// <summary>GitHub-flavoured Markdown: aligned columns, errors in scientific notation with 3 significant digits, orders with 2 decimals, undefined orders as "—", and a last row with the least-squares slopes.</summary>
    public string ToMarkdown() => ConvergenceTableMarkdown.Write(this);

    /// <summary>CSV with a header line, full round-trip precision and the invariant culture (orders included; undefined: empty).</summary>
    public string ToCsv() => ConvergenceTableCsv.Write(this);

    /// <summary>A LaTeX booktabs tabular (needs \usepackage{booktabs}).</summary>
    public string ToLatex() => ConvergenceTableLatex.Write(this);

    /// <inheritdoc/>
    public override string ToString() => ToMarkdown();

    internal int ColumnOf(Metric metric)
    {
        for (int i = 0; i < Metrics.Count; i++)
        {
            if (Metrics[i] == metric)
            {
                return i;
            }
        }

        throw new ArgumentException($"metric '{metric}' is not a column of this table ({string.Join(", ", Metrics)})", nameof(metric));
    }

    private static string Fixed(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
}
