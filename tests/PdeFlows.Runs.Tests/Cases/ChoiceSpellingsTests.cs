using PdeFlows.Flows.TimeStepping;
using PdeFlows.Runs.Toml;

namespace PdeFlows.Runs.Tests.Cases;

/// <summary>The declaration check of <see cref="ChoiceSpellings{TChoice}"/>: every name and every value once.</summary>
public class ChoiceSpellingsTests
{
    [Fact]
    public void Distinct_names_and_values_are_accepted()
    {
        var spellings = new ChoiceSpellings<SplittingScheme>(("lie-ie", SplittingScheme.LieImplicitEuler), ("strang", SplittingScheme.Strang));
        Assert.Equal(["lie-ie", "strang"], spellings.Names);
    }

    [Fact]
    public void A_name_listed_twice_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new ChoiceSpellings<SplittingScheme>(("a", SplittingScheme.LieImplicitEuler), ("b", SplittingScheme.Strang), ("a", SplittingScheme.Strang)));
        Assert.Contains("SplittingScheme", e.Message);
    }

    [Fact]
    public void A_value_listed_twice_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new ChoiceSpellings<SplittingScheme>(("a", SplittingScheme.Strang), ("b", SplittingScheme.LieImplicitEuler), ("c", SplittingScheme.Strang)));
        Assert.Contains("name or a value twice", e.Message);
    }
}
