"""What happens to violations after the rules: suppression, baselines, changed lines."""
