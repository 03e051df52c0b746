using PdeFlows.Discretization;
using PdeFlows.Discretization.Assembly;
using PdeFlows.Discretization.LinearAlgebra;
using PdeFlows.Flows.TimeStepping;

namespace PdeFlows.Flows.Transport;

/// <summary>
/// The Wasserstein (transport) part in the Slotboom variable g = u/π (math.md §5):
/// M_π ġ = −α A g + M f, with lumped M_π = diag(m_i π_i), A_ij = ∫ w ∇φ_i·∇φ_j and an optional
/// lumped source f. A·1 = 0 gives exact mass conservation; on non-obtuse meshes A is an M-matrix,
/// so implicit Euler keeps g positive. TR-BDF2 (γ = 2 − √2) gives second order; its positivity is
/// checked by the caller. Every system is M_π + cA for a few shifts c, factored once each.
/// </summary>
public sealed class FiniteElementTransport : ITransport, IDisposable
{
    private static readonly double Gamma = 2 - Math.Sqrt(2);

    private readonly P1Space space;
    private readonly NodalSetting setting;
    private readonly TransportMobility mobility;
    private readonly NodalSource? source;
    private readonly double[] weightedMass;
    private readonly CsrMatrix stiffness;
    private readonly ShiftedSystemCache systems;
    private readonly double[] g, rhs, stage, sourceValues;

    /// <summary>Creates the transport.</summary>
    /// <param name="space">The P1 space.</param>
    /// <param name="setting">Lumped masses and the nodal target.</param>
    /// <param name="target">The normalized target density π as a function (the KL weight, at quadrature points).</param>
    /// <param name="alpha">Transport weight α &gt; 0.</param>
    /// <param name="mobility">KL (fixed weight π) or χ² (weight u, linearly implicit).</param>
    /// <param name="linearSolver">Requested linear solver backend.</param>
    /// <param name="source">Optional source f(t, x) at the nodes (manufactured solutions).</param>
    public FiniteElementTransport(P1Space space, NodalSetting setting, SpatialFunction target, double alpha, TransportMobility mobility, LinearSolverKind linearSolver, NodalSource? source = null)
    {
        if (!(alpha > 0) || !double.IsFinite(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be positive and finite for a transport part");
        }

        this.space = space;
        this.setting = setting;
        this.mobility = mobility;
        this.source = source;
        Alpha = alpha;
        int n = setting.Count;
        weightedMass = new double[n];
        for (int i = 0; i < n; i++)
        {
            weightedMass[i] = setting.LumpedMass[i] * setting.Target[i];
        }

        // The KL weight π at quadrature points; the χ² weight is replaced before every step.
        stiffness = WeightedStiffness.Assemble(space, target);
        MMatrix = MMatrixCheck.Check(stiffness);
        systems = new ShiftedSystemCache(weightedMass, stiffness, linearSolver);
        g = new double[n];
        rhs = new double[n];
        stage = new double[n];
        sourceValues = new double[n];
    }

    /// <summary>Transport weight α.</summary>
    public double Alpha { get; }

    /// <summary>The M-matrix check of the stiffness matrix (positive off-diagonals break the positivity guarantee).</summary>
    public MMatrixReport MMatrix { get; }

    /// <summary>The linear solver backend used and why.</summary>
    public string LinearSolverDescription => systems.Description;

    /// <summary>Number of factorizations so far.</summary>
    public int Factorizations => systems.Factorizations;

    /// <summary>Seconds spent in analyze + factorize so far.</summary>
    public double FactorizationSeconds => systems.FactorizationSeconds;

    /// <inheritdoc/>
    public void Advance(Span<double> density, double time, double step, TransportMethod method)
    {
        ReadOnlySpan<double> pi = setting.Target;
        int n = density.Length;
        if (mobility == TransportMobility.PreviousDensity)
        {
            WeightedStiffness.AssembleInto(space, density.ToArray(), stiffness);
            systems.Clear();
        }

        for (int i = 0; i < n; i++)
        {
            g[i] = density[i] / pi[i];
        }

        if (method == TransportMethod.ImplicitEuler)
        {
            for (int i = 0; i < n; i++)
            {
                rhs[i] = weightedMass[i] * g[i];
            }

            AddSource(rhs, time + step, step);
            systems.For(step * Alpha).Solve(rhs, g);
        }
        else
        {
            // Stage 1, trapezoidal rule over γτ: (M + γτα/2 A) g* = (M − γτα/2 A) g + γτ/2 (F(t) + F(t+γτ)).
            double half = Gamma * step / 2;
            stiffness.Multiply(g, rhs);
            for (int i = 0; i < n; i++)
            {
                rhs[i] = (weightedMass[i] * g[i]) - (half * Alpha * rhs[i]);
            }

            AddSource(rhs, time, half);
            AddSource(rhs, time + (Gamma * step), half);
            // An iterative solver starts from the solution array's contents: start from g (not the
            // previous step's stage), so a step depends on the state alone and a run resumed from a
            // checkpoint repeats the uninterrupted run bit for bit.
            g.CopyTo(stage, 0);
            systems.For(half * Alpha).Solve(rhs, stage);

            // Stage 2, BDF2: (M + c₂α A) g⁺ = (M g* − (1−γ)² M g) / (γ(2−γ)) + c₂ F(t+τ), c₂ = (1−γ)τ/(2−γ).
            double c2 = (1 - Gamma) * step / (2 - Gamma);
            double a = 1 / (Gamma * (2 - Gamma));
            double b = (1 - Gamma) * (1 - Gamma) / (Gamma * (2 - Gamma));
            for (int i = 0; i < n; i++)
            {
                rhs[i] = weightedMass[i] * ((a * stage[i]) - (b * g[i]));
            }

            AddSource(rhs, time + step, c2);
            systems.For(c2 * Alpha).Solve(rhs, g);
        }

        if (source is null)
        {
            // The solves conserve Σ m_i π_i g_i (A·1 = 0) only up to round-off, which would add up over
            // many steps; rescaling to the exact pre-step mass removes that drift (a factor 1 ± 1e-16).
            double before = 0, after = 0;
            for (int i = 0; i < n; i++)
            {
                before += setting.LumpedMass[i] * density[i];
                after += weightedMass[i] * g[i];
            }

            double scale = before / after;
            for (int i = 0; i < n; i++)
            {
                g[i] *= scale;
            }
        }

        for (int i = 0; i < n; i++)
        {
            density[i] = pi[i] * g[i];
        }
    }

    /// <inheritdoc/>
    public double Dissipation(ReadOnlySpan<double> density)
    {
        ReadOnlySpan<double> pi = setting.Target;
        CsrMatrix a = stiffness;
        if (mobility == TransportMobility.PreviousDensity)
        {
            a = WeightedStiffness.Assemble(space, density.ToArray());
        }

        ReadOnlySpan<int> rows = a.Pattern.RowPointers, columns = a.Pattern.ColumnIndices;
        ReadOnlySpan<double> values = a.Values;
        double sum = 0;
        for (int i = 0; i < density.Length; i++)
        {
            double gi = density[i] / pi[i];
            for (int k = rows[i]; k < rows[i + 1]; k++)
            {
                int j = columns[k];
                if (j <= i)
                {
                    continue;
                }

                double gj = density[j] / pi[j];
                // ξ = log g (KL) or g − 1 (χ²); (g_i − g_j)(ξ_i − ξ_j) ≥ 0 either way.
                double dxi = mobility == TransportMobility.Target ? Math.Log(gi / gj) : gi - gj;
                sum += -values[k] * (gi - gj) * dxi;
            }
        }

        return Alpha * sum;
    }

    /// <inheritdoc/>
    public void Dispose() => systems.Dispose();

    private void AddSource(double[] target, double time, double factor)
    {
        if (source is null)
        {
            return;
        }

        source(time, sourceValues);
        ReadOnlySpan<double> m = setting.LumpedMass;
        for (int i = 0; i < target.Length; i++)
        {
            target[i] += factor * m[i] * sourceValues[i];
        }
    }
}
