# SPDX-License-Identifier: LGPL-3.0-or-later
# bench/pumping_scipy.py -- the same line integral in double precision with numpy/scipy: the Davies
# generator of one qubit built numerically (eigh, superoperator), the Drazin inverse by a bordered
# solve, Lambda_L on the circle, scipy.integrate.quad.  Not certified.  Prints "seconds Q_L".
# With arguments "2 J b": two qubits with Heisenberg exchange J and the default layout (A_L = sx1 + b sx2,
# A_R = sz1 + b sz2), by the Pauli rate equation on a numerical eigh (the secular population route).
import sys
import time
import numpy as np
from scipy.integrate import quad

gL, gR, T = 1.0, 2.0, 1.0
sx = np.array([[0, 1], [1, 0]], float)
sz = np.array([[1, 0], [0, -1]], float)
I2 = np.eye(2)

def superop(H, ops):
    L = -1j * (np.kron(I2, H) - np.kron(H.T, I2))
    for r, A in ops:
        AdA = A.conj().T @ A
        L += r * (np.kron(A.conj(), A) - 0.5 * np.kron(I2, AdA) - 0.5 * np.kron(AdA.T, I2))
    return L

def lam(bx, bz):
    H = bx * sx + bz * sz
    E, V = np.linalg.eigh(H)
    Pg, Pe = np.outer(V[:, 0], V[:, 0]), np.outer(V[:, 1], V[:, 1])
    w = E[1] - E[0]
    ops_by_bath = []
    for g, A in ((gL, sx), (gR, sz)):
        G = g * w / (1 - np.exp(-w / T))
        ops_by_bath.append([(G, Pg @ A @ Pe), (G * np.exp(-w / T), Pe @ A @ Pg), (g * T, Pe @ A @ Pe + Pg @ A @ Pg)])
    L = superop(H, [o for b in ops_by_bath for o in b])
    B = np.hypot(bx, bz)
    u = H / B
    f = np.tanh(B / T)
    out = []
    for k, (lk, sk) in enumerate(((bx, sx), (bz, sz))):
        du = sk / B - u * lk / B ** 2
        df = (1 - f * f) / T * lk / B
        drho = -0.5 * (df * u + f * du)
        M = L.copy()
        M[0, :] = 0
        M[0, [0, 3]] = 1
        y = drho.reshape(-1, order="F").astype(complex)
        y[0] = 0
        X = np.linalg.solve(M, y).reshape(2, 2, order="F")
        DL = superop(0 * H, ops_by_bath[0])
        DX = (DL @ X.reshape(-1, order="F")).reshape(2, 2, order="F")
        out.append(-np.trace(H @ DX).real)
    return out

def rate(g, w):
    return g * T if abs(w) < 1e-12 else g * w / (1 - np.exp(-w / T))

def lam2(bx, bz, J, b):
    """two qubits, Heisenberg J, default layout A_L = sx1 + b sx2, A_R = sz1 + b sz2: the Pauli rate equation
    (secular population route) with Hellmann-Feynman derivatives of the Gibbs populations"""
    X1, X2, Z1, Z2 = np.kron(sx, I2), np.kron(I2, sx), np.kron(sz, I2), np.kron(I2, sz)
    ex = (np.kron(sx, sx) + np.kron(sy, sy) + np.kron(sz, sz)).real
    H = bx * (X1 + X2) + bz * (Z1 + Z2) + J * ex
    E, V = np.linalg.eigh(H)
    A = [V.T @ (X1 + b * X2) @ V, V.T @ (Z1 + b * Z2) @ V]
    W = []
    for g, Aa in zip((gL, gR), A):
        Wa = np.zeros((4, 4))
        for m in range(4):
            for n in range(4):
                if m != n:
                    Wa[m, n] = rate(g, E[n] - E[m]) * Aa[m, n] ** 2
        Wa -= np.diag(Wa.sum(axis=0))
        W.append(Wa)
    Wt = W[0] + W[1]
    p = np.exp(-(E - E.min()) / T); p /= p.sum()
    out = []
    for dH in ((X1 + X2), (Z1 + Z2)):
        dE = np.einsum('in,ij,jn->n', V, dH, V)
        dp = -p / T * (dE - p @ dE)
        M = Wt.copy(); M[0, :] = 1
        y = dp.copy(); y[0] = 0
        x = np.linalg.solve(M, y)
        out.append([-(E @ (Wa @ x)) for Wa in W])
    return out[0][0], out[1][0]          # Lambda_{L,x}, Lambda_{L,z}

def integrand(phi):
    bx, bz = 1 + 0.8 * np.cos(phi), 1 + 0.8 * np.sin(phi)
    lx, lz = lam(bx, bz) if NQ == 1 else lam2(bx, bz, J, b)
    return lx * (-0.8 * np.sin(phi)) + lz * (0.8 * np.cos(phi))

NQ = int(sys.argv[1]) if len(sys.argv) > 1 else 1
J, b = (float(sys.argv[2]), float(sys.argv[3])) if NQ == 2 else (0.0, 1.0)
sy = np.array([[0, -1j], [1j, 0]])
t0, reps = time.perf_counter(), 0
while True:
    Q, err = quad(integrand, 0, 2 * np.pi, epsabs=1e-14, epsrel=1e-14, limit=200)
    reps += 1
    el = time.perf_counter() - t0
    if el > 1.0:
        break
print("%.6g %.17g" % (el / reps, Q))
