using PdeFlows.Discretization.Assembly;
using PdeFlows.Discretization.LinearAlgebra;
using PdeFlows.Flows.TimeStepping;
using Xunit.Abstractions;

namespace PdeFlows.Runs.Tests.Acceptance;

/// <summary>
/// The time loop of the exact flows (issue 14): no allocation per step after warm-up, results
/// bitwise independent of the thread count, and the fused EDB diagnostics equal to the definitions
/// of math.md §5 evaluated independently.
/// </summary>
public class TimeLoopTests(ITestOutputHelper output)
{
    private static string Case(int cells, string kind, string energy, string scheme, string linear) =>
        FlowCases.Text(
            FlowCases.Rectangle(-3, 3, cells),
            "density = \"exp(-((x+1)^2+y^2)/0.5) + 2*exp(-((x-1.5)^2+(y-1)^2)/0.8)\"",
            "density = \"exp(-((x-1)^2+(y+1)^2)/0.3)\"\nmass = 1.0",
            $"kind = \"{kind}\"\nenergy = \"{energy}\"",
            FlowCases.Time(0.2, 1e-3, scheme),
            FlowCases.Times(0, 0.2)).Replace("linear = \"managed\"", $"linear = \"{linear}\"", StringComparison.Ordinal);

    public static TheoryData<string, string, string, string> Flows() => new()
    {
        { "swfr", "kl", "strang", "managed" },
        { "swfr", "kl", "lie-ie", "pcg" },
        { "wfr", "chi2", "lie-ie", "managed" },
        { "fr", "kl", "strang", "managed" },
    };

    [Theory]
    [MemberData(nameof(Flows))]
    public void Steps_allocate_nothing_after_warm_up(string kind, string energy, string scheme, string linear)
    {
        using var problem = FlowCases.Build(Case(24, kind, energy, scheme, linear));
        var solver = problem.Solver;
        var state = solver.AdvanceTo(solver.InitialState(problem.Discretization.InitialDensity.AsSpan()), 0.005); // warm-up: factorizations, JIT
        int steps = 0;
        void Count(FlowState s) => steps++;
        Action<FlowState> callback = Count;
        long Allocated(double duration)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            state = solver.AdvanceTo(state, state.Time + duration, callback);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        long few = Allocated(0.005);
        long many = Allocated(0.05);
        output.WriteLine($"{kind}/{energy}/{scheme}/{linear}: {few} bytes for 5 steps, {many} bytes for 50 steps ({steps} steps in all)");
        // One AdvanceTo call copies the state once (n doubles plus the array header); the steps themselves allocate nothing.
        Assert.Equal(few, many);
        Assert.True(many <= (problem.Mesh.VertexCount * sizeof(double)) + 64, $"{many} bytes for one call");
    }

    [Theory]
    [InlineData("managed")]
    [InlineData("pcg")]
    public void Results_are_bitwise_independent_of_the_thread_count(string linear)
    {
        // 100² cells: 10,201 nodes, three blocks of the nodal loops.
        string text = Case(100, "swfr", "kl", "strang", linear).Replace("end = 0.2", "end = 0.02", StringComparison.Ordinal).Replace("times = [0, 0.2]", "times = [0, 0.01, 0.02]", StringComparison.Ordinal);
        (double[] Density, double Edb, double Energy, double Dissipation)[] Run(int threads)
        {
            int saved = BlockParallel.ThreadCount;
            BlockParallel.ThreadCount = threads;
            try
            {
                using var problem = FlowCases.Build(text);
                var (_, _, snapshots) = FlowCases.Run(problem);
                return snapshots.Select(s => (s.Density, s.EdbDefect, s.Energy, s.Dissipation)).ToArray();
            }
            finally
            {
                BlockParallel.ThreadCount = saved;
            }
        }

        var one = Run(1);
        var two = Run(2);
        Assert.Equal(one.Length, two.Length);
        for (int k = 0; k < one.Length; k++)
        {
            Assert.True(one[k].Density.AsSpan().SequenceEqual(two[k].Density), $"output {k}: densities differ");
            Assert.Equal(BitConverter.DoubleToInt64Bits(one[k].Edb), BitConverter.DoubleToInt64Bits(two[k].Edb));
            Assert.Equal(BitConverter.DoubleToInt64Bits(one[k].Energy), BitConverter.DoubleToInt64Bits(two[k].Energy));
            Assert.Equal(BitConverter.DoubleToInt64Bits(one[k].Dissipation), BitConverter.DoubleToInt64Bits(two[k].Dissipation));
        }
    }

    [Theory]
    [InlineData("swfr", "kl")]
    [InlineData("wfr", "kl")]
    [InlineData("wfr", "chi2")]
    public void Fused_diagnostics_equal_the_definitions(string kind, string energy)
    {
        using var problem = FlowCases.Build(Case(20, kind, energy, "lie-ie", "managed"));
        var solver = problem.Solver;
        var state = solver.AdvanceTo(solver.InitialState(problem.Discretization.InitialDensity.AsSpan()), 0.05);
        var snapshot = solver.Snapshot(state);
        var u = state.Density;
        var m = problem.Setting.LumpedMass;
        var pi = problem.Setting.Target;
        bool kl = energy == "kl";
        // The definitions of math.md §5, written out here independently of the solver's code paths:
        // ξ = log(u/π) (KL) or u/π − 1 (χ²); the stiffness reassembled with its weight (π, or u for χ²).
        var stiffness = kl ? WeightedStiffness.Assemble(problem.Space, problem.Discretization.Target) : WeightedStiffness.Assemble(problem.Space, u);
        double e = 0, mass = 0, weighted = 0;
        var xi = new double[u.Length];
        for (int i = 0; i < u.Length; i++)
        {
            double r = u[i] / pi[i];
            xi[i] = kl ? Math.Log(r) : r - 1;
            e += kl ? m[i] * ((u[i] * Math.Log(r)) - u[i] + pi[i]) : 0.5 * m[i] * pi[i] * (r - 1) * (r - 1);
            mass += m[i] * u[i];
            weighted += m[i] * u[i] * xi[i];
        }

        double c = kind == "swfr" ? weighted / mass : 0;
        double transport = 0, reaction = 0;
        var rows = stiffness.Pattern.RowPointers;
        var columns = stiffness.Pattern.ColumnIndices;
        for (int i = 0; i < u.Length; i++)
        {
            reaction += m[i] * u[i] * xi[i] * (xi[i] - c);
            for (int k = rows[i]; k < rows[i + 1]; k++)
            {
                int j = columns[k];
                if (j > i)
                {
                    double gi = u[i] / pi[i], gj = u[j] / pi[j];
                    transport += -stiffness.Values[k] * (gi - gj) * (kl ? Math.Log(gi / gj) : gi - gj);
                }
            }
        }

        double alpha = problem.Definition.Flow.Alpha, beta = problem.Definition.Flow.Beta;
        double d = (alpha * transport) + (beta * reaction);
        output.WriteLine($"{kind}/{energy}: E = {snapshot.Energy:R} vs {e:R}; D = {snapshot.Dissipation:R} vs {d:R}");
        // Round-off only: the sums run in another order and (KL) ℓ_i − ℓ_j replaces log(g_i/g_j).
        Assert.True(Math.Abs(snapshot.Energy - e) <= 1e-12 * Math.Abs(e), $"energy {snapshot.Energy:R} vs {e:R}");
        Assert.True(Math.Abs(snapshot.Dissipation - d) <= 1e-11 * Math.Abs(d), $"dissipation {snapshot.Dissipation:R} vs {d:R}");
    }
}
