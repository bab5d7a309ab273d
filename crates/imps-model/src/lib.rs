//! Typed models of the OMA IMPS CSP primitives (work in progress).
