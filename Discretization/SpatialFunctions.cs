namespace PdeFlows.Discretization;

/// <summary>A scalar function of the position x (length d).</summary>
public delegate double SpatialFunction(ReadOnlySpan<double> x);

/// <summary>The gradient of a scalar function at x (length d), written into <paramref name="gradient"/> (length d).</summary>
public delegate void SpatialGradient(ReadOnlySpan<double> x, Span<double> gradient);

/// <summary>A scalar function on the boundary of the position x and the unit outward normal n (both length d).</summary>
public delegate double BoundaryFunction(ReadOnlySpan<double> x, ReadOnlySpan<double> outwardNormal);
