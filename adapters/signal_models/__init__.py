"""Signal model adapters: LightGBM and scikit-learn trainers with ONNX export, the model
folder, and the ONNX scorer behind the dynamic batcher."""
