using System.Collections.Immutable;
using System.Globalization;
using PdeFlows.Flows.TimeStepping;
using PdeFlows.Runs.Cases;

namespace PdeFlows.Runs.References;

/// <summary>One level of a reference: the case refined ℓ times in h, with τ refined to match.</summary>
/// <param name="Index">ℓ (0: the case as written).</param>
/// <param name="Case">The case of this level.</param>
/// <param name="Step">τ_ℓ.</param>
/// <param name="Refinement">How the mesh was refined, as a case-file setting (<c>cells = [400]</c> or <c>refine = 3</c>).</param>
public sealed record ReferenceLevel(int Index, CaseDefinition Case, double Step, string Refinement);

/// <summary>
/// The nested refinements of a reference (docs/reference-solutions.md): level ℓ has the cells of
/// a generated domain multiplied by 2^ℓ per axis (a Gmsh mesh: <c>refine</c> + ℓ), so h_ℓ = h₀/2^ℓ,
/// and τ_ℓ = τ₀·2^{−ℓ·p_h/p_τ} (p_h = 2 for P1; p_τ = 1 for lie-ie, 2 for strang), so that the time
/// error C·τ^{p_τ} shrinks like h^{p_h} too and every level's error is C'·h^{p_h}.
/// </summary>
/// <param name="BaseCase">The case as written.</param>
/// <param name="SpaceOrder">p_h.</param>
/// <param name="TimeOrder">p_τ of the case's scheme.</param>
/// <param name="Levels">The levels, coarsest first.</param>
/// <param name="Notes">Things to know before trusting the result (τ not dividing the output times, an adaptive reaction).</param>
public sealed record ReferencePlan(CaseDefinition BaseCase, int SpaceOrder, int TimeOrder, IReadOnlyList<ReferenceLevel> Levels, IReadOnlyList<string> Notes)
{
    /// <summary>The order every level's error is expected to have in h.</summary>
    public double ExpectedOrder => SpaceOrder;

    /// <summary>The default number of levels of <c>pdeflows reference</c>.</summary>
    public const int DefaultLevels = 4;

    /// <summary>The fewest levels that give an observed order.</summary>
    public const int MinimumLevels = 3;

    /// <summary>The most levels allowed (2^12 times the cells per axis is far beyond any machine).</summary>
    public const int MaximumLevels = 12;

    /// <summary>The plan of <paramref name="levels"/> levels for <paramref name="baseCase"/>.</summary>
    /// <param name="baseCase">The case as written.</param>
    /// <param name="levels">K, from <see cref="MinimumLevels"/> to <see cref="MaximumLevels"/>.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentOutOfRangeException">K out of range.</exception>
    public static ReferencePlan Create(CaseDefinition baseCase, int levels)
    {
        ArgumentNullException.ThrowIfNull(baseCase);
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, MinimumLevels);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(levels, MaximumLevels);
        const int spaceOrder = 2;
        int timeOrder = baseCase.Time.Scheme == SplittingScheme.Strang ? 2 : 1;
        var list = new List<ReferenceLevel>();
        var notes = new List<string>();
        var undivided = new List<string>();
        for (int l = 0; l < levels; l++)
        {
            // τ₀·2^{−ℓ p_h/p_τ}: an exact power of two for the two schemes (4^{−ℓ} or 2^{−ℓ}).
            double step = baseCase.Time.Step * Math.Pow(2, -(double)l * spaceOrder / timeOrder);
            var domain = baseCase.Domain;
            DomainSection refined;
            string refinement;
            if (domain.Kind == DomainKind.Gmsh)
            {
                refined = domain with { Refine = domain.Refine + l };
                refinement = $"refine = {refined.Refine}";
            }
            else
            {
                refined = domain with { Cells = [.. domain.Cells.Select(c => checked(c << l))] };
                refinement = $"cells = [{string.Join(", ", refined.Cells)}]";
            }

            var levelCase = baseCase with { Domain = refined, Time = baseCase.Time with { Step = step } };
            list.Add(new ReferenceLevel(l, levelCase, step, refinement));
            double[] missed = [.. baseCase.Output.Times.Append(baseCase.Time.End).Distinct().Where(t => t > 0 && !Divides(step, t))];
            if (missed.Length > 0)
            {
                undivided.Add($"level {l} (τ = {Format(step)}): t = {string.Join(", ", missed.Select(Format))}");
            }
        }

        if (undivided.Count > 0)
        {
            notes.Add($"τ does not divide every output time — {string.Join("; ", undivided)}: the step before such a time is shortened, so the time error is not a smooth function of τ there and the observed orders may be erratic; choose τ₀ dividing every output time");
        }

        var flow = baseCase.Flow;
        // Solved in closed form (FlowProblemBuilder): KL with the exact reaction, and unbalanced χ².
        bool closedFormReaction = flow.Reaction == ReactionKind.Exact
            && (flow.Energy == EnergyKind.KullbackLeibler || (flow.Energy == EnergyKind.ChiSquared && !flow.IsSpherical));
        if (flow.HasReaction && !closedFormReaction)
        {
            notes.Add($"the reaction is integrated adaptively to the relative tolerance {Format(baseCase.Solver.ReactionTolerance)} ([solver] reaction_tolerance): differences between levels near that size are not discretization error");
        }

        if (baseCase.Particles is not null)
        {
            notes.Add("the [particles] section is not part of the reference: the levels refine the mesh solution only");
        }

        return new ReferencePlan(baseCase, spaceOrder, timeOrder, list, notes);
    }

    /// <summary>Whether <paramref name="time"/> is an integer multiple of <paramref name="step"/> up to round-off.</summary>
    private static bool Divides(double step, double time)
    {
        double steps = time / step;
        return Math.Abs(steps - Math.Round(steps)) <= 1e-9 * Math.Max(1, steps);
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
