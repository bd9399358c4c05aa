/**
 * SIMD byte kernels with a scalar fallback, after Lucene's {@code internal/vectorization}: the hot loops of VCF and
 * FASTA reading (find a byte, count it, list its positions, encode bases) and of haplotype comparison (first
 * mismatch), as one interface, {@link io.callscore.vcf.simd.ByteKernels}, with two implementations that must agree
 * exactly, {@link io.callscore.vcf.simd.ScalarByteKernels} (the truth) and {@code PanamaByteKernels} (Vector API).
 * {@link io.callscore.vcf.simd.VectorizationProvider#byteKernels()} picks one per JVM.
 *
 * <p>System properties:
 * <table>
 *   <caption>Properties read by this package</caption>
 *   <tr><th>name</th><th>default</th><th>effect</th></tr>
 *   <tr><td>{@code callscore.simd}</td><td>{@code true}</td><td>{@code false} forces the scalar kernels</td></tr>
 *   <tr><td>{@code callscore.simd.vectorBits}</td><td>CPU's widest, at most 512</td>
 *       <td>test-only: pins the vector width (128, 256, 512) to exercise other CPUs' lane counts</td></tr>
 * </table>
 */
package io.callscore.vcf.simd;
