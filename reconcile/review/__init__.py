"""`reconcile review`: editor review tables exported and decisions read back."""
