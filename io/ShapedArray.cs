namespace PdeFlows.IO;

/// <summary>
/// An array of doubles with a row-major shape, e.g. a d × d covariance per output time
/// (shape [K, d, d]) or a solver state vector (shape [n]). The values are not copied.
/// </summary>
public sealed class ShapedArray
{
    /// <summary>Creates the array; the product of <paramref name="shape"/> must equal the number of values.</summary>
    /// <param name="values">The values, row-major.</param>
    /// <param name="shape">The extents, outermost first; an empty shape is not allowed (use [1] for one value).</param>
    /// <exception cref="ArgumentException">The shape is empty, has a negative extent, or does not match the length.</exception>
    public ShapedArray(double[] values, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length == 0)
        {
            throw new ArgumentException("shape must have at least one extent", nameof(shape));
        }

        long product = 1;
        foreach (int extent in shape)
        {
            if (extent < 0)
            {
                throw new ArgumentException($"shape [{string.Join(", ", shape)}] has a negative extent", nameof(shape));
            }

            product *= extent;
        }

        if (product != values.Length)
        {
            throw new ArgumentException($"shape [{string.Join(", ", shape)}] holds {product} values, got {values.Length}", nameof(values));
        }

        Values = values;
        Shape = (int[])shape.Clone();
    }

    /// <summary>The values, row-major.</summary>
    public double[] Values { get; }

    /// <summary>The extents, outermost first.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>A one-dimensional array of the given values (shape [length]).</summary>
    public static ShapedArray Vector(double[] values) => new(values, values.Length);

    /// <inheritdoc/>
    public override string ToString() => $"ShapedArray[{string.Join(", ", Shape)}]";
}
