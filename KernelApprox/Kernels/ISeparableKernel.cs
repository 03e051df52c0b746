namespace PdeFlows.KernelApprox.Kernels;

/// <summary>
/// A kernel that factors over the coordinates: k(x, y) = Πₐ f(xₐ − yₐ). On a tensor grid its
/// kernel matrix is then the Kronecker product of the one-dimensional matrices f(gₖ − gₗ)
/// (<see cref="LinearAlgebra.TensorGridKernelProduct"/>). Of the built-in kernels only the Gaussian
/// factors this way (the others depend on |x − y|, not on its squares' sum through an exponential).
/// </summary>
public interface ISeparableKernel : IKernel
{
    /// <summary>f(δ), the factor of one coordinate difference δ.</summary>
    /// <param name="difference">δ = xₐ − yₐ.</param>
    double AxisFactor(double difference);
}
