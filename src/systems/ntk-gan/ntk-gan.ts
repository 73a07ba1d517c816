/**
 * The `ntk-gan` system (`--impl ntk-gan=./my-ntk-gan.ts`): the infinite-width GAN of 004 ("A Neural
 * Tangent Kernel Perspective of GANs"; a poster, so sections are cited by their titles), for a
 * discriminator with constant NTK k trained on the empirical measure γ̂ = (α̂ + β̂)/2 ("Setting"):
 *
 *   "Discriminator Training"       ∂ₜfₜ = T_{k,γ̂}(∇^{γ̂}L_α̂(fₜ)),  L_α̂(f) = E_α̂[a∘f] − E_β̂[b∘f]
 *   "IPM Discriminator and MMD"    fₜ = f₀ + t·f_α̂,  f_α̂ = E_{x∼α̂}[k(x, ·)] − E_{y∼β̂}[k(y, ·)]
 *   "LSGAN Discriminator"          fₜ = exp(−4t·T_{k,γ̂})(f₀ − ρ) + ρ
 *   "Consequence" (generator)      xᵢ ← xᵢ − η∇f_α̂(xᵢ)  (particle generator; MMD gradient flow)
 *
 * ∇^{γ̂} is the gradient in L²(γ̂) (the Riesz representer of dL for ⟨g, h⟩_{γ̂} = ∫ g h dγ̂), and
 * T_{k,γ̂}h = ∫ k(·, z) h(z) dγ̂(z) is defined on the whole space, so fₜ is too. Functions on supp γ̂
 * are their values at `gamma.points` (the fakes x₁…xₙ, then the targets y₁…yₘ; weights 1/(2n), 1/(2m)).
 * The kernel is an input (RBF, or the NTK of the `ntk` system); the loss's a, b come with a′, b′.
 *
 * Every ntk.* claim about these objects reads the system through `ctx.impl('ntk-gan', ntkGan)` and
 * compares it with a computation of its own: the flow integrated by the built-in RK4 against the
 * closed forms, the velocity against the kernel gradient Σ_z k(·, z)∂L/∂f(z) from a′, b′, the witness
 * and the IPM closed form against kernel sums, the generator step against finite differences of MMD².
 */
import type { Kernel } from '../../kernels/kernel.ts';
import type { VectorField } from '../../integrators/vector-field.ts';
import type { DiscriminatorLoss } from './losses.ts';
import type { TrainingMeasure } from './training-measure.ts';
import { discriminatorFlowField } from './discriminator-flow.ts';
import { ipmClosedForm, witness } from './ipm-closed-form.ts';
import { lsganClosedForm } from './lsgan-closed-form.ts';
import { generatorParticleStep } from './generator-flow.ts';

export interface NtkGan {
  /**
   * "Discriminator Training": the right-hand side of ∂ₜf = T_{k,γ̂}(∇^{γ̂}L(f)) as a vector field on
   * the state [f on supp γ̂ (gamma.points order, N values), f at `us` (U values)]: it writes
   * (T_{k,γ̂}∇^{γ̂}L(f))(z) for z in gamma.points then us. The velocity depends on the support values
   * only (the constant-NTK flow is closed on supp γ̂; off it f just follows).
   */
  discriminatorField(kernel: Kernel, gamma: TrainingMeasure, loss: DiscriminatorLoss, us: readonly Float64Array[]): VectorField;
  /** "IPM Discriminator and MMD": the witness f_α̂(u) = (1/n)Σᵢ k(xᵢ, u) − (1/m)Σⱼ k(yⱼ, u). */
  witness(kernel: Kernel, xs: readonly Float64Array[], ys: readonly Float64Array[], u: Float64Array): number;
  /** "IPM Discriminator and MMD": fₜ(u) = f₀(u) + t·f_α̂(u) at each u of `us` (f0 holds f₀ there). */
  ipmClosedForm(kernel: Kernel, xs: readonly Float64Array[], ys: readonly Float64Array[], us: readonly Float64Array[], f0: Float64Array, t: number): Float64Array;
  /**
   * "LSGAN Discriminator": fₜ = exp(−4t·T_{k,γ̂})(f₀ − ρ) + ρ, with ρ given on supp γ̂ (which ρ the flow
   * reaches depends on the loss's sign convention: see src/claims/ntk/lsgan-closed-form.ts).
   * `support`: fₜ on supp γ̂ (e^{−4tA}(f₀ − ρ) + ρ, A = T on supp γ̂); `at`: fₜ at `us`, where
   * fₜ = f₀ + T∫₀ᵗ∇^{γ̂}L(f_s)ds = f₀ − 4·T∫₀ᵗ e^{−4sA}(f₀ − ρ)ds (the Theorem of "Discriminator Training").
   */
  lsganClosedForm(
    kernel: Kernel, gamma: TrainingMeasure, rho: Float64Array, f0Support: Float64Array, t: number,
    us: readonly Float64Array[], f0Us: Float64Array,
  ): { support: Float64Array; at: Float64Array };
  /**
   * "Consequence: the generator minimizes the MMD": one simultaneous step of a particle generator
   * against the IPM discriminator, xᵢ ← xᵢ − η∇f_α̂(xᵢ) (∇f_α̂ at the current positions, all
   * particles at once). Returns the new positions; `xs` is left unchanged.
   */
  generatorStep(kernel: Kernel, xs: readonly Float64Array[], ys: readonly Float64Array[], eta: number): Float64Array[];
}

/** The built-in: the constant-NTK flow field, witness and closed forms of this folder. */
export const ntkGan: NtkGan = {
  discriminatorField: (kernel, gamma, loss, us) => discriminatorFlowField(kernel, gamma, loss, us),
  witness,
  ipmClosedForm,
  lsganClosedForm: (kernel, gamma, rho, f0Support, t, us, f0Us) => lsganClosedForm(kernel, gamma, rho, f0Support, t, us, f0Us),
  generatorStep(kernel, xs, ys, eta) {
    const moved = xs.map((x) => Float64Array.from(x));
    generatorParticleStep(kernel, moved, ys, eta);
    return moved;
  },
};
