import { Link } from '@tanstack/react-router';

/** The product mark and name; the name stays "Điểm Tựa" in every language. */
export function Brand() {
  return (
    <Link to="/" className="brand">
      <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
        <rect width="32" height="32" rx="7" fill="#0d4a8f" />
        <path
          d="M9 23h14M16 8v15M11 13l5-5 5 5"
          stroke="#fff"
          strokeWidth="3"
          fill="none"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <span className="brand-name">Điểm Tựa</span>
    </Link>
  );
}
