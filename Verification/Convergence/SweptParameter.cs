namespace PdeFlows.Verification.Convergence;

/// <summary>The swept parameter of a convergence study: its kind and the symbol shown in tables and plots ("h", "τ", "λ", "N").</summary>
/// <param name="Kind">What is swept.</param>
/// <param name="Name">The column heading and axis label; non-empty.</param>
public sealed record SweptParameter(ParameterKind Kind, string Name)
{
    /// <summary>The mesh size h.</summary>
    public static SweptParameter MeshSize { get; } = new(ParameterKind.MeshSize, "h");

    /// <summary>The time step τ.</summary>
    public static SweptParameter TimeStep { get; } = new(ParameterKind.TimeStep, "τ");

    /// <summary>The regularization λ.</summary>
    public static SweptParameter Regularization { get; } = new(ParameterKind.Regularization, "λ");

    /// <summary>A count N (particles, centres).</summary>
    public static SweptParameter Count { get; } = new(ParameterKind.Count, "N");

    /// <summary>The name, validated: non-empty, without line breaks or '|' (it becomes a table heading).</summary>
    public string Name { get; init; } = ValidName(Name);

    /// <inheritdoc/>
    public override string ToString() => Name;

    internal static string ValidName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Trim().Length == 0 || name.IndexOfAny(['|', '\n', '\r', ',', '"']) >= 0)
        {
            throw new ArgumentException($"name '{name}' must be non-empty and hold no '|', ',', '\"' or line break (it becomes a table heading)", nameof(name));
        }

        return name;
    }
}
