export interface BenchRow {
    name: string;
    value: number;
    unit: string;
    note?: string;
}
export declare function benchCommand(names: string[], flags: {
    json?: boolean;
}): Promise<number>;
