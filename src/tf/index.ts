/** The TensorFlow.js tier: backends, MNIST, classifier, GAN models and training, App. G NTK. */
export { initBackend, parseBackend, currentBackend, BackendError, BACKENDS, type BackendInfo, type BackendChoice, type BackendName } from './backend.ts';
export { loadMnist, toFloat, indicesOf, writeMnistBin, MNIST_SHA256, PIXELS, NUM_CLASSES, type Mnist, type MnistSet } from './mnist.ts';
export { loadClassifier, classify, accuracy, FEATURES, type ClassifierParams, type Classified } from './classifier.ts';
export { makeGenerator, makeDiscriminator, type Arch, type Net, type NetConfig } from './gan-models.ts';
export { generatorJacobians } from './jacobian.ts';
export { evaluateGenerator, meanLogCond, generate, type GanMetrics } from './gan-eval.ts';
export { trainGanRun, PAPER_CLAMP, type GanRunConfig, type GanRunResult, type ClampConfig } from './train-gan.ts';
export { trainAppG, appGNtk, ntkPeaks, makeAppGGenerator, conditionalExpectation, APPG_G1_INF, APPG_G2_INF, type AppGConfig, type AppGResult } from './appg.ts';
export { tfSetup, setupEvidence, type TfSetup } from './setup.ts';
