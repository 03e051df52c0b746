using System.Globalization;

namespace PdeFlows.Runs.Toml;

/// <summary>The allowed interval of a number: an optional lower and upper bound, each open or closed.</summary>
/// <param name="Minimum">The lower bound, or null.</param>
/// <param name="MinimumExclusive">Whether the lower bound itself is excluded.</param>
/// <param name="Maximum">The upper bound, or null.</param>
/// <param name="MaximumExclusive">Whether the upper bound itself is excluded.</param>
public readonly record struct NumberRange(double? Minimum, bool MinimumExclusive, double? Maximum = null, bool MaximumExclusive = false)
{
    /// <summary>Every finite number.</summary>
    public static NumberRange Any => new(null, false);

    /// <summary>Numbers &gt; 0.</summary>
    public static NumberRange Positive => new(0.0, true);

    /// <summary>Numbers ≥ 0.</summary>
    public static NumberRange NonNegative => new(0.0, false);

    /// <summary>Whether <paramref name="value"/> lies in the range.</summary>
    /// <param name="value">A finite number.</param>
    /// <returns><c>true</c> inside.</returns>
    public bool Contains(double value) =>
        (Minimum is not double low || (MinimumExclusive ? value > low : value >= low))
        && (Maximum is not double high || (MaximumExclusive ? value < high : value <= high));

    /// <summary>The range as text after "must be", e.g. <c>&gt; 0</c>, <c>≥ 0</c>, <c>in [0, 1]</c>; empty for <see cref="Any"/>.</summary>
    /// <returns>The description.</returns>
    public string Describe() => (Minimum, Maximum) switch
    {
        (null, null) => "",
        (double low, null) => $"{(MinimumExclusive ? ">" : "≥")} {TomlText.Plain(low)}",
        (null, double high) => $"{(MaximumExclusive ? "<" : "≤")} {TomlText.Plain(high)}",
        (double low, double high) => $"in {(MinimumExclusive ? "(" : "[")}{TomlText.Plain(low)}, {TomlText.Plain(high)}{(MaximumExclusive ? ")" : "]")}",
    };
}

/// <summary>A number (a TOML integer or float, finite) in a <see cref="NumberRange"/>.</summary>
/// <param name="section">The section.</param>
/// <param name="name">The key.</param>
/// <param name="meaning">One line of documentation.</param>
public sealed class NumberKey(string section, string name, string meaning) : TomlKey(section, name, meaning)
{
    /// <summary>The value when the key is not written (null: none).</summary>
    public double? Default { get; init; }

    /// <summary>The allowed values.</summary>
    public NumberRange Range { get; init; } = NumberRange.Any;

    /// <inheritdoc />
    protected override string DescribeType() => Range == NumberRange.Any ? "number" : $"number {Range.Describe()}";

    /// <inheritdoc />
    protected override string? DescribeDefault() => Default is double value ? TomlText.Plain(value) : null;
}

/// <summary>A TOML integer in [<see cref="Minimum"/>, <see cref="Maximum"/>].</summary>
/// <param name="section">The section.</param>
/// <param name="name">The key.</param>
/// <param name="meaning">One line of documentation.</param>
public sealed class IntegerKey(string section, string name, string meaning) : TomlKey(section, name, meaning)
{
    /// <summary>The value when the key is not written (null: none).</summary>
    public long? Default { get; init; }

    /// <summary>The smallest allowed value.</summary>
    public long Minimum { get; init; }

    /// <summary>The largest allowed value (default <see cref="int.MaxValue"/>: no documented upper bound).</summary>
    public long Maximum { get; init; } = int.MaxValue;

    /// <inheritdoc />
    protected override string DescribeType() => Maximum >= int.MaxValue ? $"integer ≥ {Minimum}" : $"integer {Minimum}…{Maximum}";

    /// <inheritdoc />
    protected override string? DescribeDefault() => Default?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A string (a name or a file path).</summary>
/// <param name="section">The section.</param>
/// <param name="name">The key.</param>
/// <param name="meaning">One line of documentation.</param>
public sealed class TextKey(string section, string name, string meaning) : TomlKey(section, name, meaning)
{
    /// <inheritdoc />
    protected override string DescribeType() => "string";

    /// <inheritdoc />
    protected override string? DescribeDefault() => null;
}

/// <summary>An expression of the expression language (a string), in the space variables and, when <see cref="UsesTime"/>, <c>t</c>.</summary>
/// <param name="section">The section.</param>
/// <param name="name">The key.</param>
/// <param name="meaning">One line of documentation.</param>
public sealed class ExpressionKey(string section, string name, string meaning) : TomlKey(section, name, meaning)
{
    /// <summary>Whether the expression may use the time <c>t</c>.</summary>
    public bool UsesTime { get; init; }

    /// <inheritdoc />
    protected override string DescribeType() => UsesTime ? "expression in x, y, z, t" : "expression";

    /// <inheritdoc />
    protected override string? DescribeDefault() => null;
}

/// <summary>One of the spellings of <typeparamref name="TChoice"/>.</summary>
/// <typeparam name="TChoice">The enumeration.</typeparam>
/// <param name="section">The section.</param>
/// <param name="name">The key.</param>
/// <param name="meaning">One line of documentation.</param>
/// <param name="spellings">The spellings of the values.</param>
public sealed class ChoiceKey<TChoice>(string section, string name, string meaning, ChoiceSpellings<TChoice> spellings) : TomlKey(section, name, meaning)
    where TChoice : struct, Enum
{
    /// <summary>The spellings of the values.</summary>
    public ChoiceSpellings<TChoice> Spellings { get; } = spellings ?? throw new ArgumentNullException(nameof(spellings));

    /// <summary>The value when the key is not written (null: none).</summary>
    public TChoice? Default { get; init; }

    /// <inheritdoc />
    protected override string DescribeType() => string.Join(" \\| ", Spellings.Names.Select(n => $"`\"{n}\"`"));

    /// <inheritdoc />
    protected override string? DescribeDefault() => Default is TChoice value ? $"`\"{Spellings.NameOf(value)}\"`" : null;
}

/// <summary>An array of spellings of <typeparamref name="TChoice"/>.</summary>
/// <typeparam name="TChoice">The enumeration.</typeparam>
/// <param name="section">The section.</param>
/// <param name="name">The key.</param>
/// <param name="meaning">One line of documentation.</param>
/// <param name="spellings">The spellings of the values.</param>
public sealed class ChoiceArrayKey<TChoice>(string section, string name, string meaning, ChoiceSpellings<TChoice> spellings) : TomlKey(section, name, meaning)
    where TChoice : struct, Enum
{
    /// <summary>The spellings of the values.</summary>
    public ChoiceSpellings<TChoice> Spellings { get; } = spellings ?? throw new ArgumentNullException(nameof(spellings));

    /// <inheritdoc />
    protected override string DescribeType() => "array of " + string.Join(" \\| ", Spellings.Names.Select(n => $"`\"{n}\"`"));

    /// <inheritdoc />
    protected override string? DescribeDefault() => null;
}

/// <summary>A number in a range, or one word instead (<c>bandwidth = "median"</c>).</summary>
/// <param name="section">The section.</param>
/// <param name="name">The key.</param>
/// <param name="meaning">One line of documentation.</param>
/// <param name="word">The word accepted instead of a number; it is also the default.</param>
public sealed class NumberOrWordKey(string section, string name, string meaning, string word) : TomlKey(section, name, meaning)
{
    /// <summary>The word accepted instead of a number (and the default).</summary>
    public string Word { get; } = word ?? throw new ArgumentNullException(nameof(word));

    /// <summary>The allowed numbers.</summary>
    public NumberRange Range { get; init; } = NumberRange.Any;

    /// <inheritdoc />
    protected override string DescribeType() => $"number {Range.Describe()} or `\"{Word}\"`";

    /// <inheritdoc />
    protected override string? DescribeDefault() => $"`\"{Word}\"`";
}

/// <summary>An array of finite numbers; optionally one word instead (<c>times = "sup"</c>), which is then also the default.</summary>
/// <param name="section">The section.</param>
/// <param name="name">The key.</param>
/// <param name="meaning">One line of documentation.</param>
public sealed class NumberArrayKey(string section, string name, string meaning) : TomlKey(section, name, meaning)
{
    /// <summary>A word accepted instead of an array (and the default), or null.</summary>
    public string? Word { get; init; }

    /// <summary>The allowed entries.</summary>
    public NumberRange Range { get; init; } = NumberRange.Any;

    /// <inheritdoc />
    protected override string DescribeType() =>
        (Range == NumberRange.Any ? "array of numbers" : $"array of numbers {Range.Describe()}") + (Word is null ? "" : $" or `\"{Word}\"`");

    /// <inheritdoc />
    protected override string? DescribeDefault() => Word is null ? null : $"`\"{Word}\"`";
}

/// <summary>An array of TOML integers ≥ <see cref="Minimum"/>.</summary>
/// <param name="section">The section.</param>
/// <param name="name">The key.</param>
/// <param name="meaning">One line of documentation.</param>
public sealed class IntegerArrayKey(string section, string name, string meaning) : TomlKey(section, name, meaning)
{
    /// <summary>The smallest allowed entry.</summary>
    public long Minimum { get; init; }

    /// <inheritdoc />
    protected override string DescribeType() => $"array of integers ≥ {Minimum}";

    /// <inheritdoc />
    protected override string? DescribeDefault() => null;
}

/// <summary>A structured value read by its own code (an array of points, a table of named boxes): documented, hinted and written from the table like every key.</summary>
/// <param name="section">The section.</param>
/// <param name="name">The key.</param>
/// <param name="meaning">One line of documentation.</param>
/// <param name="type">The documented type.</param>
public sealed class StructuredKey(string section, string name, string meaning, string type) : TomlKey(section, name, meaning)
{
    private readonly string type = type ?? throw new ArgumentNullException(nameof(type));

    /// <inheritdoc />
    protected override string DescribeType() => type;

    /// <inheritdoc />
    protected override string? DescribeDefault() => null;
}
