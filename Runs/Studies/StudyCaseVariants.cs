using System.Collections.Immutable;
using PdeFlows.Runs.Cases;
using PdeFlows.Mesh;

namespace PdeFlows.Runs.Studies;

/// <summary>
/// The case of one run of a study (the base case with the swept value applied) and of its
/// case reference, as immutable <see cref="CaseDefinition"/> copies made with <c>with</c>.
/// </summary>
public static class StudyCaseVariants
{
    /// <summary>The base case with the swept parameter set to <paramref name="value"/>.</summary>
    public static CaseDefinition Apply(CaseDefinition baseCase, StudySweepParameter parameter, double value)
    {
        ArgumentNullException.ThrowIfNull(baseCase);
        return parameter switch
        {
            StudySweepParameter.Refine => baseCase with { Domain = baseCase.Domain with { Refine = baseCase.Domain.Refine + (int)value } },
            StudySweepParameter.CellsMultiplier => baseCase with
            {
                Domain = baseCase.Domain with { Cells = baseCase.Domain.Cells.Select(c => c * (int)value).ToImmutableArray() },
            },
            StudySweepParameter.TimeStep => baseCase with { Time = baseCase.Time with { Step = value } },
            StudySweepParameter.Lambda => baseCase with { Kernel = baseCase.Kernel! with { Lambda = value } },
            StudySweepParameter.Bandwidth => baseCase with { Kernel = baseCase.Kernel! with { Bandwidth = KernelBandwidth.Fixed(value) } },
            StudySweepParameter.ParticleCount => baseCase with { Particles = baseCase.Particles! with { Count = (int)value } },
            _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, null),
        };
    }

    /// <summary>
    /// The case of a <see cref="StudyReferenceKind.Case"/> reference for the run case
    /// <paramref name="runCase"/>: its reaction, step and scheme replaced where given; or another
    /// case file with the run's mesh settings (domain) and time settings kept where not given.
    /// </summary>
    public static CaseDefinition Reference(CaseDefinition runCase, StudyReference reference)
    {
        ArgumentNullException.ThrowIfNull(runCase);
        ArgumentNullException.ThrowIfNull(reference);
        CaseDefinition result = reference.OtherCase is { } other ? other with { Domain = runCase.Domain, Output = runCase.Output } : runCase;
        if (reference.Reaction is ReactionKind reaction)
        {
            result = result with { Flow = result.Flow with { Reaction = reaction } };
        }

        if (reference.Step is double step)
        {
            result = result with { Time = result.Time with { Step = step } };
        }

        if (reference.Scheme is Flows.TimeStepping.SplittingScheme scheme)
        {
            result = result with { Time = result.Time with { Scheme = scheme } };
        }

        return result;
    }

    /// <summary>The table parameter of a run: h (the longest cell edge) for mesh sweeps, else the swept value.</summary>
    public static double TableParameter(StudySweepParameter parameter, double value, SimplexMesh mesh) =>
        parameter is StudySweepParameter.Refine or StudySweepParameter.CellsMultiplier ? LongestEdge(mesh) : value;

    /// <summary>The longest edge of any cell.</summary>
    public static double LongestEdge(SimplexMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        double longest = 0;
        int d = mesh.Dimension;
        for (int c = 0; c < mesh.CellCount; c++)
        {
            ReadOnlySpan<int> cell = mesh.Cell(c);
            for (int a = 0; a < cell.Length; a++)
            {
                for (int b = a + 1; b < cell.Length; b++)
                {
                    ReadOnlySpan<double> p = mesh.Vertex(cell[a]), q = mesh.Vertex(cell[b]);
                    double sum = 0;
                    for (int k = 0; k < d; k++)
                    {
                        sum += (p[k] - q[k]) * (p[k] - q[k]);
                    }

                    longest = Math.Max(longest, Math.Sqrt(sum));
                }
            }
        }

        return longest;
    }
}
