using PdeFlows.Flows.Reactions;
using PdeFlows.KernelApprox.Reactions;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Problems;
using PdeFlows.Runs.Running;

namespace PdeFlows.Runs.Tests.Problems;

/// <summary><c>[solver] reaction_tolerance</c> reaches the adaptive reaction integrator of kernel and integrated exact reactions; its default is the former built-in 1e-11.</summary>
public class ReactionToleranceTests
{
    private static string Case(string reaction, string energy, string flow, string solver) => $$"""
        name = "tolerance"
        [domain]
        kind = "interval"
        lower = [-2.0]
        upper = [2.0]
        cells = [30]
        [target]
        potential = "(x^2 - 1)^2"
        [initial]
        density = "exp(-x^2)"
        mass = 1.0
        [flow]
        kind = "{{flow}}"
        energy = "{{energy}}"
        reaction = "{{reaction}}"
        [kernel]
        kind = "gaussian"
        bandwidth = 0.5
        lambda = 1e-3
        [time]
        end = 0.5
        step = 0.1
        [output]
        times = [0, 0.5]
        {{solver}}
        """;

    public static TheoryData<string, string, string> Reactions => new()
    {
        { "kernel-fr-spherical", "kl", "sfr" },
        { "frk", "kl", "fr" },
        { "exact", "chi2", "sfr" }, // spherical χ² has no closed form: the integrated reaction
    };

    [Theory]
    [MemberData(nameof(Reactions))]
    public void The_tolerance_reaches_the_integrator_and_defaults_to_1e_11(string reaction, string energy, string flow)
    {
        double Energy(string solver) => FlowRuns.Execute(CaseFileLoader.Parse(Case(reaction, energy, flow, solver), "t.toml"), keepDensities: false).Rows[^1].Energy;

        double byDefault = Energy("");
        double tight = Energy("[solver]\nreaction_tolerance = 1e-11");
        double loose = Energy("[solver]\nreaction_tolerance = 1e-3");
        Assert.Equal(BitConverter.DoubleToInt64Bits(tight), BitConverter.DoubleToInt64Bits(byDefault));
        Assert.NotEqual(BitConverter.DoubleToInt64Bits(tight), BitConverter.DoubleToInt64Bits(loose));

        using var problem = FlowProblemBuilder.Build(CaseFileLoader.Parse(Case(reaction, energy, flow, "[solver]\nreaction_tolerance = 1e-5"), "t.toml"));
        if (reaction == "exact")
        {
            Assert.Equal(1e-5, Assert.IsType<IntegratedReaction>(problem.Reaction).Tolerance);
        }
        else
        {
            Assert.IsType<KernelReaction>(problem.Reaction);
        }
    }
}
