"""Quality assurance: case audits, the voice of children and families, the self-evaluation."""
