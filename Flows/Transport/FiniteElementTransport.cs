using System.Runtime.CompilerServices;
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
/// checked by the caller. Every system is M_π + cA for a few shifts c, factored once each
/// (<see cref="ShiftedSystemCache"/>). A step allocates nothing.
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
    private readonly CsrMatrix? dissipationStiffness;
    private readonly NodalWeightedStiffness? nodalStiffness;
    private readonly ShiftedSystemCache systems;
    private readonly double[] g, rhs, stage, sourceValues, xi;
    private readonly int[] upperStart;

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
        if (mobility == TransportMobility.PreviousDensity)
        {
            nodalStiffness = new NodalWeightedStiffness(space);
            dissipationStiffness = new CsrMatrix(stiffness.Pattern);
        }

        systems = new ShiftedSystemCache(weightedMass, stiffness, linearSolver, space.Dimension);
        g = new double[n];
        rhs = new double[n];
        stage = new double[n];
        sourceValues = new double[n];
        xi = new double[n];
        upperStart = new int[n];
        var rows = stiffness.Pattern.RowPointers;
        var columns = stiffness.Pattern.ColumnIndices;
        for (int i = 0; i < n; i++)
        {
            int k = rows[i];
            while (k < rows[i + 1] && columns[k] <= i)
            {
                k++;
            }

            upperStart[i] = k;
        }
    }

    /// <summary>Transport weight α.</summary>
    public double Alpha { get; }

    /// <summary>KL (fixed weight π) or χ² (weight u).</summary>
    public TransportMobility Mobility => mobility;

    /// <summary>The M-matrix check of the stiffness matrix (positive off-diagonals break the positivity guarantee).</summary>
    public MMatrixReport MMatrix { get; }

    /// <summary>The linear solver backend used and why.</summary>
    public string LinearSolverDescription => systems.Description;

    /// <summary>The linear solver backend used.</summary>
    public LinearSolverKind LinearSolver => systems.Kind;

    /// <summary>Number of factorizations (preconditioner builds for CG) so far.</summary>
    public int Factorizations => systems.Factorizations;

    /// <summary>Seconds spent in the analysis and the factorizations so far.</summary>
    public double FactorizationSeconds => systems.FactorizationSeconds;

    /// <summary>Linear solves so far.</summary>
    public long LinearSolves => systems.Solves;

    /// <summary>CG iterations summed over all solves (0 for a direct solver).</summary>
    public long LinearIterations => systems.Iterations;

    /// <summary>Seconds in the linear solves.</summary>
    public double LinearSolveSeconds => systems.SolveSeconds;

    /// <summary>Bytes the linear solves had to touch at least (see <see cref="ShiftedSystemCache.BytesTouched"/>).</summary>
    public double LinearSolveBytes => systems.BytesTouched;

    /// <inheritdoc/>
    public void Advance(Span<double> density, double time, double step, TransportMethod method) => Advance(density, density, time, step, method);

    /// <summary>
    /// Writes the density transported over <paramref name="step"/> from <paramref name="from"/> into
    /// <paramref name="to"/> (which may be the same memory); returns whether it is positive and finite everywhere.
    /// </summary>
    public bool Advance(ReadOnlySpan<double> from, Span<double> to, double time, double step, TransportMethod method)
    {
        ReadOnlySpan<double> pi = setting.Target;
        int n = from.Length;
        if (mobility == TransportMobility.PreviousDensity)
        {
            nodalStiffness!.AssembleInto(from, stiffness);
            systems.StiffnessChanged();
        }

        // g = u/π (and, for TR-BDF2, a copy as the first stage's initial guess) and the mass to keep.
        double before = TransportNodalPasses.Ratio(from, pi, setting.LumpedMass, g, method == TransportMethod.ImplicitEuler ? default : stage);
        if (method == TransportMethod.ImplicitEuler)
        {
            for (int i = 0; i < n; i++)
            {
                rhs[i] = weightedMass[i] * g[i];
            }

            AddSource(rhs, time + step, step);
            // An iterative solver starts from g, the state itself (not a previous step's solution), so
            // a step depends on the state alone and a resumed run repeats the uninterrupted one bit for bit.
            systems.Solve(step * Alpha, rhs, g);
        }
        else
        {
            // Stage 1, trapezoidal rule over γτ: (M + γτα/2 A) g* = (M − γτα/2 A) g + γτ/2 (F(t) + F(t+γτ)).
            double half = Gamma * step / 2;
            stiffness.Multiply(g, rhs);
            TransportNodalPasses.Trapezoidal(weightedMass, g, half * Alpha, rhs);
            AddSource(rhs, time, half);
            AddSource(rhs, time + (Gamma * step), half);
            systems.Solve(half * Alpha, rhs, stage);

            // Stage 2, BDF2: (M + c₂α A) g⁺ = (M g* − (1−γ)² M g) / (γ(2−γ)) + c₂ F(t+τ), c₂ = (1−γ)τ/(2−γ).
            // For γ = 2 − √2, (1 − γ)/(2 − γ) = γ/2: both stages solve with the same matrix M + (γτα/2) A.
            // Taking the stage-1 number itself (the two formulas differ in the last bits) keeps one
            // factorization per step size, and one factor in the cache instead of two.
            double c2 = half;
            double a = 1 / (Gamma * (2 - Gamma));
            double b = (1 - Gamma) * (1 - Gamma) / (Gamma * (2 - Gamma));
            TransportNodalPasses.Bdf2(weightedMass, stage, g, a, b, rhs);
            AddSource(rhs, time + step, c2);
            if (systems.IsIterative)
            {
                // Initial guess from the step itself: the line through g(t) and g*(t + γτ), taken to t + τ
                // (second-order accurate, and still a function of the state alone).
                double slope = 1 / Gamma;
                for (int i = 0; i < n; i++)
                {
                    g[i] += slope * (stage[i] - g[i]);
                }
            }

            systems.Solve(c2 * Alpha, rhs, g);
        }

        // The solves conserve Σ m_i π_i g_i (A·1 = 0) only up to round-off, which would add up over
        // many steps; rescaling to the exact pre-step mass removes that drift (a factor 1 ± 1e-16).
        // With a source the mass changes and is not restored.
        double scale = source is null ? before / TransportNodalPasses.WeightedSum(weightedMass, g) : 1;
        return TransportNodalPasses.Density(pi, g, scale, to);
    }

    /// <inheritdoc/>
    public double Dissipation(ReadOnlySpan<double> density)
    {
        ReadOnlySpan<double> pi = setting.Target;
        var ratio = stage; // work arrays between steps
        for (int i = 0; i < density.Length; i++)
        {
            ratio[i] = density[i] / pi[i];
            xi[i] = mobility == TransportMobility.Target ? Math.Log(ratio[i]) : ratio[i] - 1;
        }

        PrepareDissipation(density);
        return Alpha * DissipationRows(ratio, xi, 0, density.Length);
    }

    /// <summary>For the χ² mobility: assembles A(u) at the density whose dissipation is evaluated next (no-op for KL).</summary>
    internal void PrepareDissipation(ReadOnlySpan<double> density)
    {
        if (mobility == TransportMobility.PreviousDensity)
        {
            nodalStiffness!.AssembleInto(density, dissipationStiffness!);
        }
    }

    /// <summary>
    /// Σ over rows [begin, end) and their entries j &gt; i of (−A_ij)(g_i − g_j)(ξ_i − ξ_j), without
    /// the factor α. ξ = log g (KL) or g − 1 (χ²); (g_i − g_j)(ξ_i − ξ_j) ≥ 0 either way. For χ²,
    /// call <see cref="PrepareDissipation"/> first.
    /// </summary>
    internal double DissipationRows(ReadOnlySpan<double> ratio, ReadOnlySpan<double> firstVariation, int begin, int end)
    {
        var a = mobility == TransportMobility.PreviousDensity ? dissipationStiffness! : stiffness;
        unsafe
        {
            // Each row's few entries are summed on their own and the rows go into two alternating
            // sums, so consecutive rows do not wait on one another's additions (a fixed order all the same).
            fixed (int* rows = a.Pattern.RowPointers, columns = a.Pattern.ColumnIndices, upper = upperStart)
            fixed (double* values = a.Values, g = ratio, xi = firstVariation)
            {
                double even = 0, odd = 0;
                for (int i = begin; i < end; i++)
                {
                    double gi = g[i], xii = xi[i], row = 0;
                    for (int k = upper[i]; k < rows[i + 1]; k++)
                    {
                        int j = columns[k];
                        row += -values[k] * (gi - g[j]) * (xii - xi[j]);
                    }

                    if (((i - begin) & 1) == 0)
                    {
                        even += row;
                    }
                    else
                    {
                        odd += row;
                    }
                }

                return even + odd;
            }
        }
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
