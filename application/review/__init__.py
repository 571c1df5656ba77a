"""The AI risk reviewer (docs/ai-review.md): advisory reviews of the gate's decisions."""
