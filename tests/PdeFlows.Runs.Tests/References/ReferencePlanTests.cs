using PdeFlows.Runs.Cases;
using PdeFlows.Runs.References;

namespace PdeFlows.Runs.Tests.References;

/// <summary>The levels of a reference: h halved per level, τ_ℓ = τ₀·2^{−ℓ·p_h/p_τ}, notes on what makes orders erratic.</summary>
public sealed class ReferencePlanTests
{
    private const string Case = """
        name = "plan"
        [domain]
        kind = "rectangle"
        lower = [0.0, 0.0]
        upper = [1.0, 2.0]
        cells = [3, 5]
        [target]
        density = "1"
        [initial]
        density = "1 + x"
        [flow]
        kind = "wfr"
        [time]
        end = 1.0
        step = 0.125
        scheme = "SCHEME"
        [output]
        times = [0, 0.5, 1]
        """;

    [Theory]
    [InlineData("lie-ie", 1, 4.0)]
    [InlineData("strang", 2, 2.0)]
    public void Each_level_doubles_the_cells_per_axis_and_divides_the_step_by_two_to_the_ratio_of_the_orders(string scheme, int timeOrder, double stepDivisor)
    {
        var plan = ReferencePlan.Create(CaseFileLoader.Parse(Case.Replace("SCHEME", scheme, StringComparison.Ordinal)), 4);
        Assert.Equal(2, plan.SpaceOrder);
        Assert.Equal(timeOrder, plan.TimeOrder);
        Assert.Equal(4, plan.Levels.Count);
        for (int l = 0; l < 4; l++)
        {
            var level = plan.Levels[l];
            Assert.Equal(l, level.Index);
            Assert.Equal(new[] { 3 << l, 5 << l }, level.Case.Domain.Cells.ToArray());
            // Powers of two: exact in binary, so compare exactly.
            Assert.Equal(0.125 / Math.Pow(stepDivisor, l), level.Step);
            Assert.Equal(level.Step, level.Case.Time.Step);
            Assert.Equal(plan.BaseCase.Output.Times.ToArray(), level.Case.Output.Times.ToArray());
        }

        Assert.Empty(plan.Notes);
    }

    [Fact]
    public void A_gmsh_domain_is_refined_once_more_per_level()
    {
        string text = """
            name = "gmsh"
            [domain]
            kind = "gmsh"
            file = "meshes/disk.msh"
            refine = 1
            [target]
            density = "1"
            [initial]
            density = "1"
            [flow]
            kind = "sfr"
            [time]
            end = 1.0
            step = 0.1
            """;
        var plan = ReferencePlan.Create(CaseFileLoader.Parse(text), 3);
        Assert.Equal([1, 2, 3], plan.Levels.Select(l => l.Case.Domain.Refine));
        Assert.Equal(["refine = 1", "refine = 2", "refine = 3"], plan.Levels.Select(l => l.Refinement));
    }

    [Fact]
    public void A_step_that_does_not_divide_an_output_time_is_noted_with_the_levels_and_times()
    {
        // τ₀ = 0.3 divides neither 0.5 nor 1; τ₁ = 0.075 neither; τ₂ = 0.01875 neither (0.5/0.01875 = 26.7).
        var plan = ReferencePlan.Create(CaseFileLoader.Parse(Case.Replace("SCHEME", "lie-ie", StringComparison.Ordinal).Replace("step = 0.125", "step = 0.3", StringComparison.Ordinal)), 3);
        string note = Assert.Single(plan.Notes);
        Assert.StartsWith("τ does not divide every output time — level 0 (τ = 0.3): t = 0.5, 1; level 1 (τ = 0.075): t = 0.5, 1; level 2 (τ = 0.01875): t = 0.5, 1:", note, StringComparison.Ordinal);
        Assert.Contains("observed orders may be erratic", note, StringComparison.Ordinal);
    }

    [Fact]
    public void An_adaptive_reaction_and_a_particle_section_are_noted()
    {
        string text = Case.Replace("SCHEME", "lie-ie", StringComparison.Ordinal).Replace("kind = \"wfr\"", "kind = \"wfr\"\nenergy = \"chi2\"", StringComparison.Ordinal);
        // χ² with the spherical reaction has no closed form: the reaction is integrated to a tolerance.
        var spherical = ReferencePlan.Create(CaseFileLoader.Parse(text.Replace("kind = \"wfr\"", "kind = \"swfr\"", StringComparison.Ordinal)), 3);
        Assert.Contains(spherical.Notes, n => n.Contains("integrated adaptively", StringComparison.Ordinal));
        Assert.DoesNotContain(ReferencePlan.Create(CaseFileLoader.Parse(text), 3).Notes, n => n.Contains("integrated adaptively", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(13)]
    public void Fewer_than_three_or_more_than_twelve_levels_are_refused(int levels)
    {
        var definition = CaseFileLoader.Parse(Case.Replace("SCHEME", "lie-ie", StringComparison.Ordinal));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReferencePlan.Create(definition, levels));
    }
}
