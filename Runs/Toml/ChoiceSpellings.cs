namespace PdeFlows.Runs.Toml;

/// <summary>
/// The spellings of one enumeration in input files (e.g. <c>lie-ie</c> and <c>strang</c> for the
/// splitting scheme): the one place where a choice value is named. Exact and case-sensitive.
/// </summary>
/// <typeparam name="TChoice">The enumeration (that of the library that uses the value: one enum per concept).</typeparam>
public sealed class ChoiceSpellings<TChoice>
    where TChoice : struct, Enum
{
    private readonly (string Name, TChoice Value)[] names;

    /// <summary>Declares the spellings, in documentation order; every name and every value once.</summary>
    /// <param name="names">Spelling → value.</param>
    /// <exception cref="ArgumentException">A name or a value is listed twice.</exception>
    public ChoiceSpellings(params (string Name, TChoice Value)[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        // Pairwise over a handful of entries: LINQ's Distinct over an enum would instantiate a set type
        // per enumeration, which the JIT compiles at every start (docs/performance.md, start-up).
        for (int i = 0; i < names.Length; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (string.Equals(names[i].Name, names[j].Name, StringComparison.Ordinal) || names[i].Value.Equals(names[j].Value))
                {
                    throw new ArgumentException($"the spellings of {typeof(TChoice).Name} list a name or a value twice", nameof(names));
                }
            }
        }

        this.names = names;
    }

    /// <summary>All spellings, in documentation order.</summary>
    public IReadOnlyList<string> Names => names.Select(n => n.Name).ToArray();

    /// <summary>The spelling of <paramref name="value"/>.</summary>
    /// <param name="value">A value with a spelling.</param>
    /// <returns>Its name in files, e.g. <c>lie-ie</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value has no spelling.</exception>
    public string NameOf(TChoice value)
    {
        foreach (var (name, candidate) in names)
        {
            if (candidate.Equals(value))
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(TChoice).Name}.{value} has no spelling in input files");
    }

    /// <summary>Reads a spelling.</summary>
    /// <param name="name">The text as written.</param>
    /// <param name="value">The value when found.</param>
    /// <returns>Whether <paramref name="name"/> is an allowed spelling.</returns>
    public bool TryParse(string name, out TChoice value)
    {
        foreach (var (candidate, v) in names)
        {
            if (candidate == name)
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }
}
