namespace PdeFlows.Verification.Gamma;

/// <summary>One mesh level of a measure-level sweep: its size and the h part of the error (the discrete exact flow against the continuum flow).</summary>
/// <param name="Cells">Cells per axis.</param>
/// <param name="MeshSize">h, the longest cell edge.</param>
/// <param name="Nodes">The number of nodes.</param>
/// <param name="HPart">‖u_h(t) − u(t)‖_{L¹} per output time: u_h the exact SFR flow on the nodes (nodal closed form), u the continuum flow.</param>
/// <param name="DiscreteExactEnergy">E_h(u_h(t)) per output time.</param>
public sealed record GammaMeshLevel(int Cells, double MeshSize, int Nodes, double[] HPart, double[] DiscreteExactEnergy);

/// <summary>One (h, λ) run of a measure-level sweep.</summary>
/// <param name="Lambda">λ.</param>
/// <param name="Total">‖u_{h,λ}(t) − u(t)‖_{L¹} per output time, against the continuum flow.</param>
/// <param name="LambdaPart">‖u_{h,λ}(t) − u_h(t)‖_{L¹} per output time, against the exact flow on the same nodes.</param>
/// <param name="Energy">E_h(u_{h,λ}(t)) per output time.</param>
/// <param name="EdbDefect">The solver's cumulative discrete EDB defect at T.</param>
/// <param name="WallSeconds">Wall-clock seconds of the run.</param>
public sealed record GammaMeshCell(double Lambda, double[] Total, double[] LambdaPart, double[] Energy, double EdbDefect, double WallSeconds);

/// <summary>
/// The measure-level limit of a kernel flow (kernel.md §5 point 7): spherical λ-FRk on a sequence of
/// meshes and a λ sweep, each run against the continuum exact SFR flow, with the error split into its
/// h part (discrete exact flow vs continuum, per level) and its λ part (kernel flow vs discrete exact
/// flow on the same nodes). By the triangle inequality total ≤ h part + λ part at every time; the
/// energy gap splits exactly: E_h(u_{h,λ}) − E(u) = [E_h(u_{h,λ}) − E_h(u_h)] + [E_h(u_h) − E(u)].
/// </summary>
/// <param name="Name">The sweep's name.</param>
/// <param name="Dimension">d.</param>
/// <param name="Times">The output times.</param>
/// <param name="Lambdas">λ, decreasing.</param>
/// <param name="Levels">The mesh levels, coarse to fine.</param>
/// <param name="Cells">Cells[level][λ index].</param>
/// <param name="ContinuumEnergy">E(u(t)) of the continuum flow per output time.</param>
/// <param name="FinerLevels">Levels finer than <paramref name="Levels"/> (each halving h) with the nodal exact flow only, no kernel runs: they continue the h part's sequence.</param>
public sealed record GammaMeshSweep(
    string Name, int Dimension, double[] Times, IReadOnlyList<double> Lambdas, IReadOnlyList<GammaMeshLevel> Levels,
    IReadOnlyList<IReadOnlyList<GammaMeshCell>> Cells, double[] ContinuumEnergy, IReadOnlyList<GammaMeshLevel>? FinerLevels = null)
{
    /// <summary>The kernel levels followed by the finer h-only levels.</summary>
    public IReadOnlyList<GammaMeshLevel> AllLevels => [.. Levels, .. FinerLevels ?? []];

    /// <summary>sup over t of the total error, [level][λ].</summary>
    public double[][] SupTotal => [.. Cells.Select(row => row.Select(c => c.Total.Max()).ToArray())];

    /// <summary>sup over t of the λ part, [level][λ].</summary>
    public double[][] SupLambdaPart => [.. Cells.Select(row => row.Select(c => c.LambdaPart.Max()).ToArray())];

    /// <summary>sup over t of the h part, per level.</summary>
    public double[] SupHPart => [.. Levels.Select(l => l.HPart.Max())];

    /// <summary>The largest over all runs and times of total − (h part + λ part) relative to the total: ≤ 0 up to round-off (the triangle inequality).</summary>
    public double TriangleExcess => Cells.SelectMany((row, level) => row.SelectMany(c => c.Total.Select((total, t) => (total - Levels[level].HPart[t] - c.LambdaPart[t]) / Math.Max(total, double.Epsilon)))).Max();
}
